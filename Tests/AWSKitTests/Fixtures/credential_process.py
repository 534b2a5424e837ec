#!/usr/bin/env python3
"""A credential_process for the tests: prints Version 1 JSON and counts its runs.

usage: credential_process.py COUNTFILE MODE [ARG]
  MODE ok-hour     keys that expire in an hour
  MODE ok-soon     keys that expire in 2 minutes (inside the refresh margin)
  MODE ok-static   keys without Expiration
  MODE expired     keys that expired a minute ago
  MODE fail        exit 3 with a message on stderr
  MODE badjson     print something that is not JSON
  MODE echo        keys whose AccessKeyId is ARG (to see how arguments were split)
  MODE hang        sleep for a minute (the caller's timeout must end it)
"""
import datetime
import json
import sys

countfile, mode = sys.argv[1], sys.argv[2]
with open(countfile, "a") as f:
    f.write("run\n")
now = datetime.datetime.now(datetime.timezone.utc)
out = {"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "process-secret", "SessionToken": "process-token"}
if mode == "ok-hour":
    out["Expiration"] = (now + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
elif mode == "ok-soon":
    out["Expiration"] = (now + datetime.timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
elif mode == "expired":
    out["Expiration"] = (now - datetime.timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
elif mode == "ok-static":
    del out["SessionToken"]
elif mode == "fail":
    sys.stderr.write("token for profile expired, log in again\n")
    sys.exit(3)
elif mode == "badjson":
    print("hello")
    sys.exit(0)
elif mode == "hang":
    import time
    time.sleep(60)
elif mode == "echo":
    out["AccessKeyId"] = sys.argv[3]
print(json.dumps(out))
