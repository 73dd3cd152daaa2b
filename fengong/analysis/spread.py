"""Moving the nodes of a figure apart until no two labels overlap, measured as the figure will draw them."""

from __future__ import annotations

#: Space kept between two labels, in display pixels.
GAP = 5
#: Rounds of pushing apart: each resolves every overlap it finds by the smallest move; a few dozen suffice.
ROUNDS = 300


def label_boxes(ax, texts) -> list[tuple[float, float, float, float]]:
    """(left, right, bottom, top) of each drawn text of ``ax``, in display pixels."""
    renderer = ax.figure.canvas.get_renderer()
    boxes = []
    for text in texts:
        extent = text.get_window_extent(renderer)
        boxes.append((extent.x0, extent.x1, extent.y0, extent.y1))
    return boxes


def overlaps(boxes) -> list[tuple[int, int]]:
    """The pairs of boxes (by index) that overlap."""
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[i + 1:], start=i + 1)
            if min(a[1], b[1]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[2], b[2])]


def spread(centres: list[list[float]], sizes: list[tuple[float, float]]) -> list[list[float]]:
    """``centres`` (display pixels, x and y) moved so that boxes of ``sizes`` (width, height) centred on them
    overlap nowhere: each overlapping pair is pushed apart along the axis that needs the smaller move."""
    moved = [list(centre) for centre in centres]
    for _ in range(ROUNDS):
        clash = False
        for i in range(len(moved)):
            for j in range(i + 1, len(moved)):
                across = (sizes[i][0] + sizes[j][0]) / 2 + GAP - abs(moved[i][0] - moved[j][0])
                down = (sizes[i][1] + sizes[j][1]) / 2 + GAP - abs(moved[i][1] - moved[j][1])
                if across <= 0 or down <= 0:
                    continue
                clash = True
                axis, push = (0, across) if across < down else (1, down)
                sign = 1 if moved[i][axis] >= moved[j][axis] else -1
                moved[i][axis] += sign * push / 2
                moved[j][axis] -= sign * push / 2
        if not clash:
            break
    return moved


def spread_layout(ax, layout: dict, texts: dict) -> dict:
    """``layout`` (node → data coordinates) with the nodes moved so that their drawn ``texts`` (node → matplotlib
    Text, centred on the node) overlap nowhere; the axes' limits are fixed to take in the moved nodes."""
    nodes = list(layout)
    for _ in range(4):  # moving nodes out of the limits rescales the axes: measure again until it holds
        boxes = label_boxes(ax, [texts[n] for n in nodes])
        if not overlaps(boxes):
            break
        to_display = ax.transData.transform
        centres = [list(to_display(layout[n])) for n in nodes]
        sizes = [(box[1] - box[0], box[3] - box[2]) for box in boxes]
        to_data = ax.transData.inverted().transform
        layout = {n: tuple(to_data(c)) for n, c in zip(nodes, spread(centres, sizes), strict=True)}
        for node in nodes:
            texts[node].set_position(layout[node])
        xs, ys = [p[0] for p in layout.values()], [p[1] for p in layout.values()]
        pad_x, pad_y = (max(xs) - min(xs)) * 0.08 or 1, (max(ys) - min(ys)) * 0.05 or 1
        ax.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
        ax.set_ylim(min(ys) - pad_y, max(ys) + pad_y)
    return layout
