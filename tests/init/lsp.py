"""A minimal Language Server Protocol client: JSON-RPC over a server's stdin/stdout, each message
framed by a Content-Length header, as editors talk to yaml-language-server."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

# What VS Code's YAML extension sends, minus the schema store: the test must not need a network,
# and a plan's schema comes from its modeline only.
SETTINGS = {"yaml": {"validate": True, "hover": True, "completion": True, "format": {"enable": False},
                     "schemaStore": {"enable": False}, "schemas": {}}}


class LanguageServer:
    def __init__(self, command: list[str], root: Path) -> None:
        self.root = root
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, cwd=root)
        self.messages: queue.Queue[dict | None] = queue.Queue()
        self.diagnostics: dict[str, list[dict]] = {}
        self.log: list[str] = []  # window/logMessage and showMessage: where "Unable to load schema" would go
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    # -- framing -----------------------------------------------------------------------------
    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                if not line.strip():
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            self.messages.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params: Any) -> int:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    # -- the conversation --------------------------------------------------------------------
    def pump(self, until: float, done: Any = None) -> None:
        """Handle messages until `done()` holds or the time is up; answer the server's requests."""
        while time.monotonic() < until and not (done and done()):
            try:
                message = self.messages.get(timeout=0.2)
            except queue.Empty:
                continue
            if message is None:
                raise AssertionError("the language server exited: " + self.stderr())
            method = message.get("method")
            if method is not None and "id" in message:  # a request from the server
                result: Any = None
                if method == "workspace/configuration":
                    result = [SETTINGS.get(item.get("section", ""), None) for item in message["params"]["items"]]
                self.send({"id": message["id"], "result": result})
            elif method == "textDocument/publishDiagnostics":
                self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
            elif method in ("window/logMessage", "window/showMessage"):
                self.log.append(message["params"]["message"])

    def start(self, timeout: float = 30) -> None:
        uri = self.root.as_uri()
        ready = self.request("initialize", {
            "processId": os.getpid(), "rootUri": uri, "workspaceFolders": [{"uri": uri, "name": self.root.name}],
            "capabilities": {"workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": True}},
                             "textDocument": {"publishDiagnostics": {}}}})
        answered: list[dict] = []

        def initialised() -> bool:
            return bool(answered)

        until = time.monotonic() + timeout
        while time.monotonic() < until and not answered:
            try:
                message = self.messages.get(timeout=0.2)
            except queue.Empty:
                continue
            if message is None:
                raise AssertionError("the language server exited: " + self.stderr())
            if message.get("id") == ready and "method" not in message:
                answered.append(message)
            elif "method" in message and "id" in message:
                self.send({"id": message["id"], "result": None})
        assert answered, "no answer to initialize"
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def diagnose(self, path: Path, timeout: float = 30, settle: float = 1.0) -> list[dict]:
        """Open `path` as an editor does and return the diagnostics the server publishes for it."""
        uri = path.as_uri()
        self.diagnostics.pop(uri, None)
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": path.read_text(encoding="utf-8")}})
        self.pump(time.monotonic() + timeout, lambda: uri in self.diagnostics)
        assert uri in self.diagnostics, f"no diagnostics published for {path} within {timeout} s"
        # A server may publish again once a schema has loaded: the last word counts.
        self.pump(time.monotonic() + settle)
        return self.diagnostics[uri]

    def stderr(self) -> str:
        if self.process.poll() is None:
            return ""
        return (self.process.stderr.read() if self.process.stderr else b"").decode("utf-8", "replace")[-2000:]

    def stop(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
