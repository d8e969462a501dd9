"""
Small video and audio files made by code (PyAV), for the demo archive and the
tests: a few seconds of a title card, or of a tone. Nothing is downloaded.
"""

import io
import math

import av
from PIL import Image, ImageDraw

VIDEO_FORMATS = {"mp4": ("mp4", "libx264"), "webm": ("webm", "libvpx")}
AUDIO_FORMATS = {
    "mp3": ("mp3", "libmp3lame", 44100),
    "m4a": ("ipod", "aac", 44100),
    "ogg": ("ogg", "libopus", 48000),
}


def video_clip(*, title, seconds=2, extension="mp4", size=(320, 180), rate=10):
    """An MP4 or WebM of ``seconds`` showing ``title`` on a changing background."""
    container_format, codec = VIDEO_FORMATS[extension]
    output = io.BytesIO()
    with av.open(output, mode="w", format=container_format) as container:
        stream = container.add_stream(codec, rate=rate)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        for number in range(seconds * rate):
            shade = 40 + (number * 150) // max(seconds * rate - 1, 1)
            frame = Image.new("RGB", size, (20, 33, shade))
            ImageDraw.Draw(frame).text((12, size[1] // 2 - 6), title[:40], fill="white")
            for packet in stream.encode(av.VideoFrame.from_image(frame)):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return output.getvalue()


def audio_clip(*, seconds=2, extension="mp3", pitch=440):
    """An MP3, M4A or OGG of ``seconds`` of a soft tone."""
    container_format, codec, rate = AUDIO_FORMATS[extension]
    output = io.BytesIO()
    with av.open(output, mode="w", format=container_format) as container:
        stream = container.add_stream(codec, rate=rate)
        stream.layout = "mono"
        frame_size = stream.codec_context.frame_size or 1024
        total = seconds * rate
        for start in range(0, total, frame_size):
            count = min(frame_size, total - start)
            samples = [
                int(8000 * math.sin(2 * math.pi * pitch * (start + i) / rate))
                for i in range(count)
            ]
            frame = av.AudioFrame(format="s16", layout="mono", samples=count)
            frame.planes[0].update(
                b"".join(
                    sample.to_bytes(2, "little", signed=True) for sample in samples
                )
            )
            frame.sample_rate = rate
            frame.pts = start
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return output.getvalue()
