"""A reader of the EXR files the renderer writes (one scanline part, no
compression), independent of OpenEXR, for the end-to-end tests: the header's
attributes and every channel as a NumPy array."""

import numpy as np

MAGIC = b"\x76\x2f\x31\x01"
TYPES = {0: "<u4", 1: "<f2", 2: "<f4"}  # UINT, HALF, FLOAT


def read_exr(data):
    """Returns (attributes, channels): attributes maps a name to (type, bytes),
    channels a channel's name to its (H, W) array."""
    assert data[:4] == MAGIC, "not an EXR file"
    pos = 8
    attributes = {}
    while data[pos] != 0:
        end = data.index(b"\0", pos)
        name = data[pos:end].decode()
        pos = end + 1
        end = data.index(b"\0", pos)
        kind = data[pos:end].decode()
        pos = end + 1
        size = int.from_bytes(data[pos:pos + 4], "little")
        pos += 4
        attributes[name] = (kind, data[pos:pos + size])
        pos += size
    pos += 1
    assert attributes["compression"][1] == b"\0", "compressed"
    xmin, ymin, xmax, ymax = np.frombuffer(attributes["dataWindow"][1], "<i4")
    width, height = int(xmax - xmin + 1), int(ymax - ymin + 1)
    names = []
    chlist = attributes["channels"][1]
    at = 0
    while chlist[at] != 0:
        end = chlist.index(b"\0", at)
        name = chlist[at:end].decode()
        pixel_type = int.from_bytes(chlist[end + 1:end + 5], "little")
        names.append((name, TYPES[pixel_type]))
        at = end + 1 + 16
    offsets = np.frombuffer(data, "<u8", count=height, offset=pos)
    channels = {name: np.empty((height, width), dtype) for name, dtype in names}
    for row, offset in enumerate(offsets):
        offset = int(offset)
        y = int.from_bytes(data[offset:offset + 4], "little", signed=True)
        assert y == row + ymin
        at = offset + 8
        for name, dtype in names:
            values = np.frombuffer(data, dtype, count=width, offset=at)
            channels[name][row] = values
            at += values.nbytes
    return attributes, channels


def string_attribute(attributes, name):
    kind, value = attributes[name]
    assert kind == "string", kind
    return value.decode()


def int_attribute(attributes, name):
    kind, value = attributes[name]
    assert kind == "int", kind
    return int.from_bytes(value, "little", signed=True)
