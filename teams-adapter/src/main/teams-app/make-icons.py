#!/usr/bin/env python3
"""Draws the Teams app icons (python3 standard library only): color.png, 192x192, a white prompt ">_" on
opsbot's accent colour; outline.png, 32x32, the same prompt in white on transparent, as Teams asks of outline
icons. Run it from this directory after changing the drawing; the PNGs are committed, the build only zips them."""
import struct
import zlib

ACCENT = (0x1F, 0x5F, 0x8B)  # the manifest's accentColor
SAMPLES = 4  # per axis: 16 samples a pixel smooth the edges


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    cx, cy = ax + t * dx, ay + t * dy
    return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5


def in_prompt(x, y):
    """The glyph in unit coordinates (0..1 both ways): a chevron and an underscore, strokes 0.09 thick."""
    half = 0.045
    chevron = min(segment_distance(x, y, 0.22, 0.28, 0.46, 0.50), segment_distance(x, y, 0.46, 0.50, 0.22, 0.72))
    underscore = 0.52 <= x <= 0.80 and 0.72 - half <= y <= 0.72 + half
    return chevron <= half or underscore


def in_rounded_square(x, y, radius=0.18):
    cx, cy = min(max(x, radius), 1 - radius), min(max(y, radius), 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius


def coverage(size, inside, px, py):
    hits = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = (px + (sx + 0.5) / SAMPLES) / size
            y = (py + (sy + 0.5) / SAMPLES) / size
            hits += inside(x, y)
    return hits / (SAMPLES * SAMPLES)


def color_pixel(size, px, py):
    background = coverage(size, in_rounded_square, px, py)
    glyph = coverage(size, in_prompt, px, py)
    rgb = tuple(round(c * (1 - glyph) + 255 * glyph) for c in ACCENT)
    return rgb + (round(255 * max(background, glyph)),)


def outline_pixel(size, px, py):
    return (255, 255, 255, round(255 * coverage(size, in_prompt, px, py)))


def png(size, pixel):
    rows = b"".join(b"\x00" + bytes(v for px in range(size) for v in pixel(size, px, py)) for py in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    with open("color.png", "wb") as out:
        out.write(png(192, color_pixel))
    with open("outline.png", "wb") as out:
        out.write(png(32, outline_pixel))
