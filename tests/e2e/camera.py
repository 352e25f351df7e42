"""A fake camera for Chromium: a Y4M video whose frames show a QR code, played by
`--use-file-for-fake-video-capture` as if a phone's camera were pointed at a badge."""

from pathlib import Path

import qrcode
from PIL import Image

WIDTH, HEIGHT = 640, 480


def camera_args(video: Path) -> list[str]:
    return [
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ]


def qr_video(code: str, path: Path, frames: int = 10) -> Path:
    """A few frames of the code's QR on a white card, in Y4M (4:2:0, grey: chroma at 128)."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, box_size=8)
    qr.add_data(code)
    symbol = qr.make_image().get_image().convert("L")
    frame = Image.new("L", (WIDTH, HEIGHT), 255)
    frame.paste(symbol, ((WIDTH - symbol.width) // 2, (HEIGHT - symbol.height) // 2))
    luma = frame.tobytes()
    chroma = bytes([128]) * (WIDTH // 2 * HEIGHT // 2)
    with path.open("wb") as video:
        video.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _frame in range(frames):
            video.write(b"FRAME\n" + luma + chroma + chroma)
    return path
