"""hello-python: GET / greets (?name=ada), GET /healthz answers "ok"; served by gunicorn."""
from flask import Flask, request

from greeting import greeting

app = Flask(__name__)


@app.get("/")
def index():
    return greeting(request.args.get("name", "")) + "\n", 200, {"Content-Type": "text/plain"}


@app.get("/healthz")
def healthz():
    return "ok\n", 200, {"Content-Type": "text/plain"}
