"""Uploaded video and audio files, read with PyAV (FFmpeg's libraries)."""

from dataclasses import dataclass

import av

# The containers FFmpeg finds in a file of each accepted extension.
CONTAINERS = {
    "mp4": "mov,mp4,m4a,3gp,3g2,mj2",
    "m4a": "mov,mp4,m4a,3gp,3g2,mj2",
    "webm": "matroska,webm",
    "mp3": "mp3",
    "ogg": "ogg",
}
# The codecs browsers play in each (FFmpeg's canonical names): FFmpeg names
# Matroska and WebM, MOV and MP4 alike, so the codecs tell a real WebM or MP4
# from the others.
VIDEO_CODECS = {"mp4": {"h264", "hevc", "av1"}, "webm": {"vp8", "vp9", "av1"}}
AUDIO_CODECS = {
    "mp4": {"aac", "mp3"},
    "webm": {"opus", "vorbis"},
    "m4a": {"aac", "alac"},
    "mp3": {"mp3"},
    "ogg": {"vorbis", "opus", "flac"},
}


@dataclass(frozen=True)
class MediaProbe:
    """What a video or audio file really holds."""

    container: str
    video_codec: str | None
    audio_codec: str | None
    duration: float | None
    width: int | None
    height: int | None

    def fits(self, *, extension, kind):
        """Whether the file is a ``kind`` ("video"/"audio") file of its ``extension``."""
        if CONTAINERS.get(extension) != self.container:
            return False
        if self.audio_codec and self.audio_codec not in AUDIO_CODECS[extension]:
            return False
        if kind == "audio":
            return self.audio_codec is not None
        return self.video_codec in VIDEO_CODECS.get(extension, ())


def media_probe(upload):
    """
    A ``MediaProbe`` of ``upload`` (a file object), or None when FFmpeg
    cannot read it as video or audio. Reads the headers, not the whole file.
    """
    upload.seek(0)
    try:
        with av.open(upload, mode="r") as container:
            video = next(iter(container.streams.video), None)
            audio = next(iter(container.streams.audio), None)
            duration = None
            if container.duration:
                duration = container.duration / av.time_base
            elif (stream := video or audio) is not None and stream.duration:
                duration = float(stream.duration * stream.time_base)
            return MediaProbe(
                container=container.format.name,
                video_codec=video.codec.canonical_name if video else None,
                audio_codec=audio.codec.canonical_name if audio else None,
                duration=duration,
                width=video.codec_context.width if video else None,
                height=video.codec_context.height if video else None,
            )
    except (av.error.FFmpegError, ValueError, OSError):
        return None
    finally:
        upload.seek(0)
