#!/usr/bin/env python3
"""Growth plot for docs/benchmarks.md: cost against cities, log-log, one line per measure.

Reads a CSV (measure,unit,cities,value[,...]) and writes an SVG by hand (standard library only: the machine has no
matplotlib). Each measure is drawn relative to its value at the fewest cities, so measures in different units
(milliseconds, MiB) share one axis; dotted guides show constant (slope 0) and linear (slope 1) growth.

    python3 tools/benchmark-plot/plot_growth.py docs/benchmarks/growth.csv docs/images/benchmark-growth.svg
"""
import csv
import math
import sys
from collections import OrderedDict

WIDTH, HEIGHT = 940, 460
LEFT, RIGHT, TOP, BOTTOM = 70, 370, 40, 60
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]


def read(path):
    series = OrderedDict()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if not row["value"].strip():
                continue
            key = f'{row["measure"]} ({row["unit"]})'
            series.setdefault(key, []).append((float(row["cities"]), float(row["value"])))
    return OrderedDict((k, sorted(v)) for k, v in series.items() if len(v) >= 2)


def svg(series):
    xs = [x for points in series.values() for x, _ in points]
    relative = OrderedDict((name, [(x, y / points[0][1]) for x, y in points]) for name, points in series.items())
    ys = [y for points in relative.values() for _, y in points]
    x_lo, x_hi = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
    y_lo = min(math.floor(math.log10(min(ys))), 0) if min(ys) > 0 else -1
    y_hi = max(math.ceil(math.log10(max(ys))), x_hi - x_lo)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(x):
        return LEFT + (math.log10(x) - x_lo) / (x_hi - x_lo) * plot_w

    def py(y):
        return TOP + plot_h - (math.log10(y) - y_lo) / (y_hi - y_lo) * plot_h

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" font-family="sans-serif" font-size="12">',
           f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
           f'<text x="{LEFT}" y="22" font-size="14" font-weight="bold">How each cost grows with the number of cities (log-log)</text>']
    for d in range(x_lo, x_hi + 1):
        x = px(10 ** d)
        out.append(f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{TOP + plot_h}" stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">{10 ** d:,}</text>')
    for d in range(y_lo, y_hi + 1):
        y = py(10 ** d)
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}" stroke="#ddd"/>')
        label = f"{10 ** d:g}×"
        out.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
    out.append(f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#333"/>')
    out.append(f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 18}" text-anchor="middle">cities</text>')
    out.append(f'<text transform="translate(18,{TOP + plot_h / 2}) rotate(-90)" text-anchor="middle">cost relative to {10 ** x_lo:,} cities</text>')

    # Guides: constant and linear growth from the first point.
    x0, x1 = 10 ** x_lo, 10 ** x_hi
    out.append(f'<line x1="{px(x0):.1f}" y1="{py(1):.1f}" x2="{px(x1):.1f}" y2="{py(1):.1f}" stroke="#999" stroke-dasharray="2,4"/>')
    out.append(f'<line x1="{px(x0):.1f}" y1="{py(1):.1f}" x2="{px(x1):.1f}" y2="{py(x1 / x0):.1f}" stroke="#999" stroke-dasharray="2,4"/>')
    out.append(f'<text x="{px(x1) - 4:.1f}" y="{py(x1 / x0) + 14:.1f}" text-anchor="end" fill="#777">linear</text>')
    out.append(f'<text x="{px(x1) - 4:.1f}" y="{py(1) - 6:.1f}" text-anchor="end" fill="#777">constant</text>')

    for i, (name, points) in enumerate(relative.items()):
        colour = COLOURS[i % len(COLOURS)]
        path = " ".join(f"{'M' if j == 0 else 'L'}{px(x):.1f},{py(y):.1f}" for j, (x, y) in enumerate(points))
        out.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for x, y in points:
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3.5" fill="{colour}"/>')
        ly = TOP + 10 + i * 20
        out.append(f'<line x1="{LEFT + plot_w + 14}" y1="{ly}" x2="{LEFT + plot_w + 34}" y2="{ly}" stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{LEFT + plot_w + 40}" y="{ly + 4}" font-size="11">{escape(name)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: plot_growth.py <growth.csv> <out.svg>")
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(svg(read(sys.argv[1])))
