#!/usr/bin/env python3
"""Loopback network fakes for the AWSKit tests (nothing here leaves 127.0.0.1).

usage: net_fakes.py proxy LOGFILE [USER:PASSWORD]   a forward proxy: CONNECT for https, absolute-form
                                                    requests for http; logs method, target and the
                                                    Proxy-Authorization header; 407 without the right one
       net_fakes.py tls LOGFILE CERT KEY PORT       a TLS front: terminates TLS with CERT/KEY and passes
                                                    the bytes to 127.0.0.1:PORT
Prints the port it listens on, then serves until killed.
"""
import base64
import json
import signal
import socket
import ssl
import sys
import threading

signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
signal.signal(signal.SIGTERM, signal.SIG_DFL)
mode, logfile = sys.argv[1], sys.argv[2]
lock = threading.Lock()


def log(entry):
    with lock, open(logfile, "a") as f:
        f.write(json.dumps(entry) + "\n")


def pump(a, b):
    try:
        while True:
            data = a.recv(65536)
            if not data:
                break
            b.sendall(data)
    except OSError:
        pass
    finally:
        for s in (a, b):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def splice(client, upstream, first=b""):
    if first:
        upstream.sendall(first)
    threading.Thread(target=pump, args=(upstream, client), daemon=True).start()
    pump(client, upstream)


def read_head(conn):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return None, b""
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    return head.decode("latin-1"), rest


def serve_proxy(conn, credentials):
    head, rest = read_head(conn)
    if head is None:
        return
    lines = head.split("\r\n")
    method, target, version = lines[0].split(" ", 2)
    headers = {l.split(":", 1)[0].strip().lower(): l.split(":", 1)[1].strip() for l in lines[1:] if ":" in l}
    auth = headers.get("proxy-authorization")
    log({"method": method, "target": target, "auth": auth})
    if credentials and auth != "Basic " + base64.b64encode(credentials.encode()).decode():
        conn.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
        return
    if method == "CONNECT":
        host, port = target.rsplit(":", 1)
        upstream = socket.create_connection((host, int(port)))
        conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        return splice(conn, upstream, rest)
    # Absolute form: http://host:port/path -> origin form to host:port.
    without = target.split("://", 1)[1]
    hostport, _, path = without.partition("/")
    host, _, port = hostport.partition(":")
    upstream = socket.create_connection((host, int(port or 80)))
    kept = [l for l in lines[1:] if not l.lower().startswith("proxy-")]
    request = "\r\n".join([f"{method} /{path} {version}"] + kept).encode("latin-1") + b"\r\n\r\n" + rest
    splice(conn, upstream, request)


def main():
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    print(listener.getsockname()[1], flush=True)
    if mode == "proxy":
        credentials = sys.argv[3] if len(sys.argv) > 3 else None
        handler = lambda conn: serve_proxy(conn, credentials)
    else:
        cert, key, port = sys.argv[3], sys.argv[4], int(sys.argv[5])
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)

        def handler(conn):
            try:
                tls = context.wrap_socket(conn, server_side=True)
            except (ssl.SSLError, OSError) as error:
                log({"tls": "refused", "error": str(error)})
                return
            log({"tls": "ok"})
            splice(tls, socket.create_connection(("127.0.0.1", port)))
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=handler, args=(conn,), daemon=True).start()


main()
