# The chart's components (charts/platform/values.yaml) and the projects their images are built from, in the order
# the scripts process them. Sourced by tools/build-image.sh and tools/publish-components.sh.
components=(gateway cost-sharing compensation-fund trust-score evaluation communication finance-console)
declare -A projects=(
  [gateway]=gateway/Platform.Gateway/Platform.Gateway.csproj
  [cost-sharing]=services/CostSharing/CostSharing.Api/CostSharing.Api.csproj
  [compensation-fund]=services/CompensationFund/CompensationFund.Api/CompensationFund.Api.csproj
  [trust-score]=services/TrustScore/TrustScore.Api/TrustScore.Api.csproj
  [evaluation]=services/Evaluation/Evaluation.Api/Evaluation.Api.csproj
  [communication]=services/Communication/Communication.Api/Communication.Api.csproj
  [finance-console]=services/FinanceConsole/FinanceConsole.Web/FinanceConsole.Web.csproj
)
