#!/usr/bin/env python3
"""Where a .NET process's CPU goes, by what each sample was doing, from a `perf record -g` of that process.

A flat profile of the fund's single-entry API shows no method above 1 % of the CPU: the cost is spread over the
HTTP pipeline, JSON, the database client and the runtime. This counts each sample once, in the first bucket whose
stack frames it carries (the order below matters: the first match wins), so the buckets add up to 100 %.

Record (JIT frames need the perf map, and perf reads it only without the runtime's W^X double mapping):

    dotnet build -c Release tests/Platform.Benchmarks
    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 tests/Platform.Benchmarks/bin/Release/net10.0/Platform.Benchmarks fund 40000 32 500 1
    perf record -F 999 -g -p <pid> -o fund.data -- sleep 8        # during an API phase
    perf script -i fund.data -F ip,sym > fund.script
    python3 tools/perf-buckets/perf_buckets.py fund.script [frame text ...]

Each extra argument prints the share of samples with a frame containing that text, counted apart from the buckets
(e.g. `Microsoft.Extensions.DependencyInjection`).

Used in docs/compensation-fund.md §12 ("Where the API's own CPU goes").
"""
import sys

BUCKETS = [
    ("benchmark client: HttpClient, its handlers, building requests (FundLoad)",
     lambda j: ("System.Net.Http" in j or "FundLoad" in j) and "Kestrel" not in j),
    ("group commit: Marten's batch and Npgsql, in the two writers",
     lambda j: "CommitGroupAsync" in j or "WriteGroupAsync" in j or "CommitAloneAsync" in j),
    ("request: canonical body for the request hash (CanonicalJson)", lambda j: "CanonicalJson" in j),
    ("request: response serialized for the idempotency record (IdempotencyKeys.Prepare)",
     lambda j: "IdempotencyKeys::Prepare" in j),
    ("request: body read and bound (ReadFromJsonAsync)", lambda j: "ReadFromJsonAsync" in j),
    ("request: the use case, and the response's way out once its group committed (PostEntry)",
     lambda j: "PostEntry" in j),
    ("request: authentication (JWT, remembered tokens)",
     lambda j: "AuthenticationMiddleware" in j and "AuthorizationMiddleware" not in j),
    ("request: authorization, with the request's services resolved (DI)",
     lambda j: "AuthorizationMiddleware" in j and "EndpointMiddleware" not in j),
    ("request: endpoint filters and result writing (the rest of the endpoint)", lambda j: "EndpointMiddleware" in j),
    ("request: Kestrel, HTTP parsing, middleware (metrics, correlation id, time-outs)", lambda j: "Kestrel" in j),
    ("Npgsql outside the writers (sealer, outbox relay, look-ups)", lambda j: "Npgsql" in j),
    ("the rest: socket engine, thread-pool dispatch, kernel and runtime (GC, stubs)", lambda j: True),
]


def samples(path):
    frames = []
    with open(path, encoding="utf-8", errors="replace") as script:
        for line in script:
            line = line.strip()
            if not line:
                if frames:
                    yield " | ".join(frames)
                frames = []
                continue
            frames.append(line.split(" ", 1)[-1])
    if frames:
        yield " | ".join(frames)


def main(path, frames):
    counts = [0] * len(BUCKETS)
    carrying = [0] * len(frames)
    total = 0
    for stack in samples(path):
        total += 1
        counts[next(i for i, (_, matches) in enumerate(BUCKETS) if matches(stack))] += 1
        for i, frame in enumerate(frames):
            carrying[i] += frame in stack
    print(f"samples: {total}")
    for (name, _), count in zip(BUCKETS, counts):
        print(f"{100 * count / max(total, 1):5.1f} %  {name}")
    for frame, count in zip(frames, carrying):
        print(f"{100 * count / max(total, 1):5.2f} %  carry a frame with '{frame}'")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: perf_buckets.py <perf script output> [frame text ...]")
    main(sys.argv[1], sys.argv[2:])
