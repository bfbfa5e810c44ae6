# A minimal hub (revision, tree, paths-info, resolve with 302 to a CDN path, Range) for comparing cache layouts.
import http.server, json, hashlib, os, re, sys
PORT = int(sys.argv[1])
big = os.urandom(int(sys.argv[2]) if len(sys.argv) > 2 else 3_000_000)
files = {"config.json": (b'{"id2label":{"0":"NEG","1":"POS"}}', False), "vocab.txt": (b"[PAD]\n[UNK]\nhello\n", False),
         "README.md": (b"# card\n", False), "onnx/model.onnx": (big, True)}
def gitsha(b): return hashlib.sha1(b"blob %d\0" % len(b) + b).hexdigest()
C = "c0ffee" + "0"*34
BASE = "http://127.0.0.1:%d" % PORT
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def do_HEAD(self): self.route(False)
    def do_GET(self): self.route(True)
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0)); req = json.loads(self.rfile.read(n))
        out = [self.info(p) for p in req["paths"] if p in files]
        self.json(out)
    def info(self, p):
        data, lfs = files[p]
        d = {"type": "file", "path": p, "size": len(data), "oid": gitsha(data)}
        if lfs: d["lfs"] = {"oid": hashlib.sha256(data).hexdigest(), "size": len(data), "pointerSize": 130}
        return d
    def json(self, obj):
        d = json.dumps(obj).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(d))); self.end_headers(); self.wfile.write(d)
    def bytes_(self, data, body, extra=()):
        rng = self.headers.get("Range"); start, end = 0, len(data) - 1
        if rng:
            m = re.match(r"bytes=(\d+)-(\d*)", rng); start = int(m.group(1)); end = int(m.group(2)) if m.group(2) else end
            self.send_response(206); self.send_header("Content-Range", "bytes %d-%d/%d" % (start, end, len(data)))
        else:
            self.send_response(200)
        for k, v in extra: self.send_header(k, v)
        self.send_header("Content-Length", str(end - start + 1)); self.end_headers()
        if body: self.wfile.write(data[start:end + 1])
    def route(self, body):
        p = self.path.split("?")[0]
        if p.startswith("/api/models/acme/demo/revision/"):
            return self.json({"_id": "x", "id": "acme/demo", "sha": C, "private": False, "siblings": [{"rfilename": f} for f in files]})
        if p.startswith("/api/models/acme/demo/tree/"):
            return self.json([{"type": "directory", "path": "onnx", "oid": "d" * 40, "size": 0}] + [self.info(f) for f in files])
        if p == "/cdn/blob":
            return self.bytes_(big, body, [("ETag", '"%s"' % hashlib.sha256(big).hexdigest())])
        m = re.match(r"/acme/demo/resolve/[^/]+/(.+)", p)
        if m and m.group(1) in files:
            data, lfs = files[m.group(1)]
            if lfs:
                self.send_response(302)
                for k, v in [("X-Repo-Commit", C), ("X-Linked-Etag", '"%s"' % hashlib.sha256(data).hexdigest()), ("X-Linked-Size", str(len(data))),
                             ("ETag", '"%s"' % gitsha(data)), ("Location", BASE + "/cdn/blob"), ("Content-Length", "0")]:
                    self.send_header(k, v)
                self.end_headers(); return
            return self.bytes_(data, body, [("X-Repo-Commit", C), ("ETag", '"%s"' % gitsha(data))])
        self.send_response(404); self.send_header("X-Error-Code", "EntryNotFound"); self.send_header("Content-Length", "0"); self.end_headers()
http.server.ThreadingHTTPServer(("127.0.0.1", PORT), H).serve_forever()
