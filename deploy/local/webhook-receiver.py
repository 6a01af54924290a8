#!/usr/bin/env python3
"""A webhook receiver for trying Liaison out: prints each delivery and whether its
Standard Webhooks signature verifies.

    python3 deploy/local/webhook-receiver.py [--port 8088] [--secret whsec_...]

Only the Python standard library; listens on 127.0.0.1 only.
"""
import argparse, base64, hashlib, hmac, json, sys, time
from http.server import BaseHTTPRequestHandler, HTTPServer

DEMO_SECRET = "whsec_IuTcHuyzr+2NLka2rf48h9lCCCIqhqlEgZoGB3z7OEA="

def verify(secret, headers, body):
    key = base64.b64decode(secret.removeprefix("whsec_"))
    msg_id, stamp = headers.get("webhook-id", ""), headers.get("webhook-timestamp", "0")
    signed = f"{msg_id}.{stamp}.".encode() + body
    expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    fresh = abs(time.time() - int(stamp)) <= 300
    return fresh and any(hmac.compare_digest(expected, s) for s in headers.get("webhook-signature", "").split())

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8088)
    parser.add_argument("--secret", default=DEMO_SECRET, help="the agreement's webhook secret")
    args = parser.parse_args()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            ok = verify(args.secret, self.headers, body)
            print(f"--- {self.headers.get('webhook-id')} signature {'verified' if ok else 'INVALID'}")
            print(json.dumps(json.loads(body), indent=2, ensure_ascii=False), flush=True)
            self.send_response(204 if ok else 401)
            self.end_headers()

        def log_message(self, *_):
            pass

    print(f"listening on http://127.0.0.1:{args.port}/webhook", flush=True)
    HTTPServer(("127.0.0.1", args.port), Handler).serve_forever()

if __name__ == "__main__":
    main()
