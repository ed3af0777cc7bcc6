"""A receiver for LMS Sync completions: one file, Python 3.9 or later, standard library only.

    python3 receiver.py                (listens on http://0.0.0.0:8080; PORT changes the port)

Secrets come from the environment, never from this file:
    RECEIVER_API_KEY, RECEIVER_BEARER_TOKEN, RECEIVER_BASIC_USER + RECEIVER_BASIC_PASSWORD, RECEIVER_SIGNING_SECRET,
    and RECEIVER_HEADER_<NAME> for each secret header (X-Tenant-Key: RECEIVER_HEADER_X_TENANT_KEY), checked when set.
For HTTPS set TLS_CERT_FILE and TLS_KEY_FILE (PEM), or put it behind your usual TLS proxy.
It checks the credential (and the Standard Webhooks signature when signing is on), checks the payload's keys,
keeps each Idempotency-Key once, and answers 200. Replace `store` with what your system does with a completion.
"""

import base64
import hashlib
import hmac
import json
import os
import re
import ssl
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# <config> Filled in from the integration's settings when downloaded.
CONFIG = {
    "integration": "Example",
    "auth": "api_key",
    "apiKeyHeader": "X-API-Key",
    "signed": False,
    "secretHeaders": [],
    "requiredKeys": ["employeeId", "courseName", "completedOn"],
}
# </config>

ENV = os.environ
SEEN_KEYS = set()
TOLERANCE_SECONDS = 5 * 60


def same_text(a, b):
    return hmac.compare_digest(str(a).encode("utf-8"), str(b).encode("utf-8"))


def credential_problem(headers):
    """Why the credential is refused, or None."""
    auth = CONFIG["auth"]
    if auth == "api_key":
        expected = ENV.get("RECEIVER_API_KEY")
        if not expected:
            return "RECEIVER_API_KEY is not set on the receiver"
        sent = headers.get(CONFIG["apiKeyHeader"])
        return None if sent and same_text(sent, expected) else "wrong or missing " + CONFIG["apiKeyHeader"]
    if auth == "bearer":
        # A token from a login or OAuth2 endpoint: check it as your identity provider says (here: one fixed token).
        expected = ENV.get("RECEIVER_BEARER_TOKEN")
        if not expected:
            return "RECEIVER_BEARER_TOKEN is not set on the receiver"
        match = re.match(r"^Bearer (.+)$", headers.get("Authorization", ""), re.IGNORECASE)
        return None if match and same_text(match.group(1), expected) else "wrong or missing bearer token"
    if auth == "basic":
        user, password = ENV.get("RECEIVER_BASIC_USER"), ENV.get("RECEIVER_BASIC_PASSWORD")
        if not user or not password:
            return "RECEIVER_BASIC_USER and RECEIVER_BASIC_PASSWORD are not set on the receiver"
        match = re.match(r"^Basic (.+)$", headers.get("Authorization", ""), re.IGNORECASE)
        try:
            pair = base64.b64decode(match.group(1)).decode("utf-8") if match else ""
        except ValueError:
            pair = ""
        return None if same_text(pair, user + ":" + password) else "wrong or missing user name or password"
    # "none", or a client certificate, which TLS checks before a request arrives.
    return None


def secret_header_problem(headers):
    """Why a secret header is refused, or None: each one whose RECEIVER_HEADER_<NAME> is set must carry that value."""
    for name in CONFIG["secretHeaders"]:
        expected = ENV.get("RECEIVER_HEADER_" + re.sub(r"[^A-Z0-9]", "_", name.upper()))
        sent = headers.get(name)
        if expected and not (sent and same_text(sent, expected)):
            return "wrong or missing " + name
    return None


def signature_problem(headers, body):
    """Why the Standard Webhooks signature is refused, or None."""
    if not CONFIG["signed"]:
        return None
    secret = ENV.get("RECEIVER_SIGNING_SECRET")
    if not secret:
        return "RECEIVER_SIGNING_SECRET is not set on the receiver"
    message_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp", "")
    if not message_id or not timestamp.isdigit():
        return "missing webhook-id or webhook-timestamp"
    if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return "webhook-timestamp is too old or too new"
    key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
    signed = message_id.encode("utf-8") + b"." + timestamp.encode("utf-8") + b"." + body
    mac = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode("ascii")
    for item in headers.get("webhook-signature", "").split(" "):
        if item.startswith("v1,") and same_text(item[3:], mac):
            return None
    return "the signature does not match"


def missing_keys(payload):
    """The required keys the payload lacks (a dot in a key means a nested object)."""
    missing = []
    for key in CONFIG["requiredKeys"]:
        value = payload
        for part in key.split("."):
            if not isinstance(value, dict) or part not in value:
                missing.append(key)
                break
            value = value[part]
    return missing


def store(payload, idempotency_key):
    print("[%s] received %s: %s" % (CONFIG["integration"], idempotency_key, json.dumps(payload)), flush=True)


class Receiver(BaseHTTPRequestHandler):
    def answer(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def checked_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        refused = (
            credential_problem(self.headers)
            or secret_header_problem(self.headers)
            or signature_problem(self.headers, body)
        )
        if refused:
            self.answer(401, {"error": refused})
            return None
        return body

    def do_GET(self):
        # LMS Sync's Test connection sends a GET: the credential is checked, nothing is stored.
        if self.checked_body() is not None:
            self.answer(200, {"ok": True})

    def do_POST(self):
        body = self.checked_body()
        if body is None:
            return
        try:
            payload = json.loads(body.decode("utf-8"))
        except ValueError:
            return self.answer(400, {"error": "the body is not JSON"})
        missing = missing_keys(payload)
        if missing:
            return self.answer(400, {"error": "missing keys: " + ", ".join(missing)})
        key = self.headers.get("Idempotency-Key", "")
        if key and key in SEEN_KEYS:
            return self.answer(200, {"received": True, "duplicate": True})
        store(payload, key)
        if key:
            SEEN_KEYS.add(key)
        self.answer(200, {"received": True})

    def log_message(self, format, *args):
        pass


def main():
    server = ThreadingHTTPServer((ENV.get("HOST", "0.0.0.0"), int(ENV.get("PORT", "8080"))), Receiver)
    if ENV.get("TLS_CERT_FILE") and ENV.get("TLS_KEY_FILE"):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(ENV["TLS_CERT_FILE"], ENV["TLS_KEY_FILE"])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("Receiver for LMS Sync (%s) listening on port %d" % (CONFIG["integration"], server.server_address[1]), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
