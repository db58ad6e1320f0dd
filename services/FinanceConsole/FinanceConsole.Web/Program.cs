using FinanceConsole.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddFinanceConsole();

var app = builder.Build();
app.UseFinanceConsole();
app.Run();
