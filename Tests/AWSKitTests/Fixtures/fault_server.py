#!/usr/bin/env python3
"""A misbehaving AWS endpoint on 127.0.0.1 for the AWSKit fault tests.

usage: fault_server.py SCENARIO LOGFILE

Prints the port it listens on, then answers every request according to SCENARIO:
  throttle-then-ok  the first 2 requests get a throttling error, then real answers
  always-503        503 Service Unavailable, always
  garbage           200 with a body that is neither XML nor JSON
  hang              reads the request and never answers
  denied            403 AccessDenied / AccessDeniedException
  paged             real answers, ListStacks in 3 pages, SSM lists with a trailing empty page
  slow              real answers, each after 0.3 s (to see how many calls are in flight)
  escape            an error whose message carries terminal escape sequences
  identity          real answers; STS AssumeRoleWithWebIdentity / AssumeRole give keys AKIDWEB<n> /
                    AKIDROLE<n> for an hour; GET answers container credentials (AKIDCONTAINER)
                    when the Authorization header is "container-token"
  denied-listing    ListStacks and DescribeParameters are denied; per-name calls answer
  skewed            the first request is refused as RequestTimeTooSkewed; the Date header is
                    15 minutes ahead of the real clock
  expired-token     ExpiredToken, for every request
  echo-secret       an error whose message repeats the request's Authorization and token headers
Each request is appended to LOGFILE as one JSON line (path, chosen headers, body).
"""
import json
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

# A child of a Swift test inherits a signal mask with SIGTERM blocked: unblock it so
# that the test's terminate() really stops this server.
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
signal.signal(signal.SIGTERM, signal.SIG_DFL)
scenario, logfile = sys.argv[1], sys.argv[2]
lock = threading.Lock()
count = {"n": 0}

STACKS_PAGES = [
    ("page-2", [("fault-a", "CREATE_COMPLETE"), ("fault-b", "DELETE_COMPLETE")]),
    ("page-3", [("fault-b", "UPDATE_COMPLETE"), ("fault-c", "ROLLBACK_COMPLETE")]),
    (None, [("fault-d", "UPDATE_ROLLBACK_COMPLETE")]),
]


def list_stacks(token):
    index = {None: 0, "page-2": 1, "page-3": 2}[token]
    next_token, stacks = STACKS_PAGES[index]
    members = "".join(
        f"<member><StackName>{n}</StackName><StackStatus>{s}</StackStatus>"
        f"<CreationTime>2026-11-2{i}T10:00:00.123456Z</CreationTime></member>"
        for i, (n, s) in enumerate(stacks))
    nt = f"<NextToken>{next_token}</NextToken>" if next_token else ""
    return ("<ListStacksResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
            f"<ListStacksResult><StackSummaries>{members}</StackSummaries>{nt}</ListStacksResult>"
            "</ListStacksResponse>")


def describe_stacks(name):
    return ("<DescribeStacksResponse><DescribeStacksResult><Stacks><member>"
            f"<StackName>{name}</StackName><StackStatus>CREATE_COMPLETE</StackStatus>"
            "<CreationTime>2026-11-27T10:00:00Z</CreationTime></member></Stacks></DescribeStacksResult>"
            "</DescribeStacksResponse>")


def ssm_answer(target, payload):
    meta = lambda n: {"Name": n, "Type": "String", "Version": 1, "LastModifiedDate": 1795000000.5}
    if target == "AmazonSSM.GetParameters":
        names = payload.get("Names", [])
        return {"Parameters": [meta(n) for n in names if "missing" not in n],
                "InvalidParameters": [n for n in names if "missing" in n]}
    token = payload.get("NextToken")
    if token is None:
        return {"Parameters": [meta("/fault/one"), meta("/fault/two")], "NextToken": "t2"}
    if token == "t2":
        return {"Parameters": [meta("/fault/three")], "NextToken": "t3"}
    return {"Parameters": []}  # moto's trailing empty page: a token, then nothing


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def date_time_string(self, timestamp=None):
        # The Date header of every answer; "skewed" runs 15 minutes ahead.
        return super().date_time_string(time.time() + 900 if scenario == "skewed" else timestamp)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        target = self.headers.get("X-Amz-Target")
        with lock:
            count["n"] += 1
            n = count["n"]
            with open(logfile, "a") as log:
                log.write(json.dumps({
                    "n": n, "path": self.path, "target": target,
                    "host": self.headers.get("Host"),
                    "date": self.headers.get("X-Amz-Date"),
                    "authorization": self.headers.get("Authorization"),
                    "token": self.headers.get("X-Amz-Security-Token"),
                    "body": body.decode("utf-8", "replace"),
                    "start": time.time(),
                }) + "\n")
        if scenario == "slow":
            time.sleep(0.3)
            with lock, open(logfile, "a") as log:
                log.write(json.dumps({"n": n, "end": time.time()}) + "\n")
        if scenario == "escape" and target:
            message = "bad \x1b]0;pwned\x07 name\x1b[31m\u009b2J"
            return self.send(400, "application/x-amz-json-1.1",
                             json.dumps({"__type": "Validation\x1b[2JException", "message": message}).encode())
        if scenario == "escape":
            return self.send(400, "text/xml",
                             b"<ErrorResponse><Error><Code>Validation\x1b[2JError</Code>"
                             b"<Message>bad \x1b]0;pwned\x07 name\x1b[31m</Message></Error></ErrorResponse>")
        if scenario == "hang":
            time.sleep(60)
            return
        form = parse_qs(body.decode("utf-8", "replace"))
        action = form.get("Action", [""])[0]
        if scenario == "skewed" and n == 1:
            return self.send(403, "text/xml", b"<ErrorResponse><Error><Code>RequestTimeTooSkewed</Code>"
                             b"<Message>The difference between the request time and the current time is too large.</Message>"
                             b"</Error></ErrorResponse>")
        if scenario == "expired-token":
            return self.send(403, "text/xml", b"<ErrorResponse><Error><Code>ExpiredToken</Code>"
                             b"<Message>The security token included in the request is expired</Message>"
                             b"</Error></ErrorResponse>")
        if scenario == "echo-secret":
            echo = f"token {self.headers.get('X-Amz-Security-Token')} auth {self.headers.get('Authorization')}"
            return self.send(400, "text/xml", ("<ErrorResponse><Error><Code>ValidationError</Code>"
                             f"<Message>{echo}</Message></Error></ErrorResponse>").encode())
        if scenario == "denied-listing" and (action == "ListStacks" or target == "AmazonSSM.DescribeParameters"):
            if target:
                return self.send(400, "application/x-amz-json-1.1",
                                 json.dumps({"__type": "AccessDeniedException", "message": "not allowed"}).encode())
            return self.send(403, "text/xml", b"<ErrorResponse><Error><Code>AccessDenied</Code>"
                             b"<Message>not authorized to perform: cloudformation:ListStacks</Message></Error></ErrorResponse>")
        if action in ("AssumeRoleWithWebIdentity", "AssumeRole"):
            prefix = "AKIDWEB" if action == "AssumeRoleWithWebIdentity" else "AKIDROLE"
            expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600))
            return self.send(200, "text/xml", (
                f"<{action}Response><{action}Result><Credentials><AccessKeyId>{prefix}{n}</AccessKeyId>"
                f"<SecretAccessKey>secret{n}</SecretAccessKey><SessionToken>session-token-{n}</SessionToken>"
                f"<Expiration>{expires}</Expiration></Credentials></{action}Result></{action}Response>").encode())
        if scenario == "always-503":
            return self.send(503, "text/plain", b"Service Unavailable")
        if scenario == "garbage":
            return self.send(200, "text/html", b"<html><body>Welcome to nginx!</p")
        if scenario == "denied":
            if target:
                return self.send(400, "application/x-amz-json-1.1",
                                 json.dumps({"__type": "AccessDeniedException", "message": "not allowed"}).encode())
            return self.send(403, "text/xml",
                             b"<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                             b"<Message>User is not authorized to perform: cloudformation:ListStacks</Message>"
                             b"</Error></ErrorResponse>")
        if scenario == "throttle-then-ok" and n <= 2:
            if target:
                return self.send(400, "application/x-amz-json-1.1",
                                 json.dumps({"__type": "ThrottlingException", "message": "Rate exceeded"}).encode())
            return self.send(400, "text/xml",
                             b"<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
                             b"<Message>Rate exceeded</Message></Error></ErrorResponse>")
        if target:
            payload = json.loads(body or b"{}")
            return self.send(200, "application/x-amz-json-1.1", json.dumps(ssm_answer(target, payload)).encode())
        if action == "ListStacks":
            return self.send(200, "text/xml", list_stacks(form.get("NextToken", [None])[0]).encode())
        if action == "DescribeStacks":
            return self.send(200, "text/xml", describe_stacks(form["StackName"][0]).encode())
        return self.send(400, "text/xml", b"<ErrorResponse><Error><Code>InvalidAction</Code>"
                                          b"<Message>unknown action</Message></Error></ErrorResponse>")

    def do_GET(self):
        authorization = self.headers.get("Authorization")
        with lock:
            count["n"] += 1
            with open(logfile, "a") as log:
                log.write(json.dumps({"n": count["n"], "method": "GET", "path": self.path,
                                      "authorization": authorization, "start": time.time()}) + "\n")
        if authorization != "container-token":
            return self.send(401, "application/json", b'{"message": "no"}')
        expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600))
        return self.send(200, "application/json", json.dumps({
            "AccessKeyId": "AKIDCONTAINER", "SecretAccessKey": "container-secret",
            "Token": "container-session", "Expiration": expires}).encode())

    def send(self, status, content_type, payload):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
