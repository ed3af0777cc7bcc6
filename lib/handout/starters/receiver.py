"""A receiver for LMS Sync completions: one file, Python 3.9 or later.

    python3 receiver.py                (listens on http://0.0.0.0:8080; PORT changes the port)

When the integration holds its receiver's JSON Schema (CONFIG["schema"] below), each payload is checked against all
of it with the jsonschema package:
    pip install jsonschema
(jsonschema checks "format": "date-time" and other formats only with its format extra:
    pip install "jsonschema[format-nongpl]")
Without the package (it says so once at start), or without a schema, it runs on the standard library alone and
checks that the payload has the required keys.
Secrets come from the environment, never from this file:
    RECEIVER_API_KEY, RECEIVER_BEARER_TOKEN, RECEIVER_BASIC_USER + RECEIVER_BASIC_PASSWORD, RECEIVER_SIGNING_SECRET,
    and RECEIVER_HEADER_<NAME> for each secret header (X-Tenant-Key: RECEIVER_HEADER_X_TENANT_KEY), checked when set.
For HTTPS set TLS_CERT_FILE and TLS_KEY_FILE (PEM), or put it behind your usual TLS proxy.
It checks the credential (and the Standard Webhooks signature when signing is on), checks the payload (400 with each
problem's key and reason), keeps each Idempotency-Key once, and answers 200. Replace `store` with what your system
does with a completion.
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

try:
    import jsonschema
except ImportError:
    jsonschema = None

# <config> Filled in from the integration's settings when downloaded.
CONFIG = {
    "integration": "Example",
    "auth": "api_key",
    "apiKeyHeader": "X-API-Key",
    "signed": False,
    "secretHeaders": [],
    "requiredKeys": ["employeeId", "courseName", "completedOn"],
    "schema": None,
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


def schema_validator(schema):
    """The schema's validator (for the draft its $schema names, with formats); None without schema or jsonschema."""
    if schema is None or jsonschema is None:
        return None
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    return cls(schema, format_checker=getattr(cls, "FORMAT_CHECKER", None) or jsonschema.FormatChecker())


VALIDATOR = schema_validator(CONFIG["schema"])


def key_of(path, name=None):
    """A place in the payload, dotted as in the payload ("employee.id", list items "[0]")."""
    key = ""
    for part in list(path) + ([name] if name is not None else []):
        key += "[%d]" % part if isinstance(part, int) else ("." + part if key else part)
    return key or "(payload)"


def unexpected_keys(instance, schema):
    """The keys of `instance` that neither `properties` nor `patternProperties` of `schema` name."""
    patterns = list(schema.get("patternProperties", {}))
    return [
        name
        for name in instance
        if name not in schema.get("properties", {}) and not any(re.search(p, name) for p in patterns)
    ]


def schema_problems(payload):
    """What in the payload breaks the schema: each problem's key and reason."""
    problems = []
    for error in VALIDATOR.iter_errors(payload):
        at = list(error.absolute_path)
        if error.validator == "required" and isinstance(error.instance, dict):
            missing = [name for name in error.validator_value if name not in error.instance]
            found = [(key_of(at, name), "missing: the schema requires this key") for name in missing]
        elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
            extra = unexpected_keys(error.instance, error.schema)
            found = [(key_of(at, name), "not expected: the schema allows no other keys here") for name in extra]
        else:
            found = [(key_of(at), error.message)]
        for key, reason in found:
            if {"key": key, "reason": reason} not in problems:
                problems.append({"key": key, "reason": reason})
    return problems


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
        if VALIDATOR is not None:
            problems = schema_problems(payload)
            if problems:
                return self.answer(400, {"error": "the payload breaks the schema", "problems": problems})
        else:
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
    if CONFIG["schema"] is not None and jsonschema is None:
        print("Checking only the required keys: full validation against the schema needs `pip install jsonschema`",
              flush=True)
    server = ThreadingHTTPServer((ENV.get("HOST", "0.0.0.0"), int(ENV.get("PORT", "8080"))), Receiver)
    if ENV.get("TLS_CERT_FILE") and ENV.get("TLS_KEY_FILE"):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(ENV["TLS_CERT_FILE"], ENV["TLS_KEY_FILE"])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("Receiver for LMS Sync (%s) listening on port %d" % (CONFIG["integration"], server.server_address[1]), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
