"""ASGI middleware that caps the request body before any of it reaches the app."""

from __future__ import annotations

import json


class BodyLimit:
    """Answer 413 when a request body is larger than ``max_bytes``.

    A declared ``Content-Length`` over the limit is refused before reading; a chunked body
    is counted as it arrives and refused as soon as it passes the limit, so an oversized
    upload never sits in memory. The accepted body is replayed to the app unchanged.
    """

    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        try:
            if declared is not None and int(declared) > self.max_bytes:
                await self._refuse(send, int(declared))
                return
        except ValueError:
            await _answer(send, 400, "Content-Length is not a number.")
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                await self._refuse(send, size)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()   # after the body: wait for the client to disconnect

        await self.app(scope, replay, send)

    async def _refuse(self, send, size: int) -> None:
        await _answer(send, 413, f"Request body too large ({size / 1e6:.1f} MB or more); the limit is "
                                 f"{self.max_bytes / 1e6:g} MB. Send fewer or smaller documents.")


async def _answer(send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
