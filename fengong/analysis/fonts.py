"""Find a CJK font and register it with matplotlib, so Chinese labels render (no empty boxes)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from matplotlib import font_manager

#: Where Debian's fonts-noto-cjk (and similar packages) put their files.
CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)


class NoCJKFont(Exception):
    """No font with Chinese glyphs is installed."""


def find_cjk_font() -> Path:
    """The first installed CJK font file: a known path, else a font fontconfig lists as covering ``zh``."""
    for candidate in CANDIDATES:
        if Path(candidate).is_file():
            return Path(candidate)
    try:
        listed = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10,
                                check=False).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        listed = []
    # fc-list prints "path: " per font that covers Chinese; take the first in sorted order for stable output.
    for found in sorted(line.strip().rstrip(":") for line in listed if line.strip()):
        if Path(found).is_file():
            return Path(found)
    raise NoCJKFont("no CJK font found for the figures' Chinese labels; install one "
                    "(Debian: apt-get install fonts-noto-cjk)")


def register_cjk_font() -> str:
    """Register the CJK font with matplotlib and return its family name (use it as ``font.family``)."""
    path = find_cjk_font()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()
