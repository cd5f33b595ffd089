#!/usr/bin/env python3
"""Soak: renders, refines, extends, exports, edits and undoes at random for a while, SIGKILLing
the kino process at random, then checks the project: integrity_check after every kill, every
acknowledged edit present, no half-done take or partial file left, and frames regenerated
from scratch bit-identical to the cached ones. Not part of the suite (it runs for minutes):

    python3 Scripts/soak.py --kino .build/release/kino --minutes 10 --seed 1

Prints a table of what it did and found; exits non-zero when any check failed.
"""
import argparse, json, os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kino", default=".build/debug/kino")
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kill-rate", type=float, default=0.35, help="share of operations killed")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = ap.parse_args()
    kino = os.path.abspath(args.kino)
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="kino-soak-")
    project = os.path.join(work, "soak.kino")
    stats = {k: 0 for k in ["ops", "kills", "acknowledged edits", "lost edits", "integrity failures",
                            "unclear errors", "frame mismatches", "frames compared", "partial files left",
                            "takes left rendering", "interrupted takes"]}
    per_kind = {}

    def run(argv, stdin=None, kill_after=None):
        p = subprocess.Popen([kino] + argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if kill_after is None:
            out, err = p.communicate(stdin.encode() if stdin else None)
            return p.returncode, out.decode(errors="replace"), err.decode(errors="replace"), False
        if stdin:
            p.stdin.write(stdin.encode())
        p.stdin.close()
        try:
            p.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
        out, err = p.stdout.read().decode(errors="replace"), p.stderr.read().decode(errors="replace")
        p.wait()
        return p.returncode, out, err, p.returncode == -signal.SIGKILL

    def check_integrity():
        with sqlite3.connect(project) as db:
            ok = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        if not ok:
            stats["integrity failures"] += 1

    def info():
        code, out, err, _ = run(["info", project, "--json"])
        if code != 0:
            raise SystemExit(f"info failed: {err.strip()}")
        return json.loads(out)

    assert run(["new", project, "--size", "320x180"])[0] == 0
    assert run(["scene", "add", project, "--name", "Soak"])[0] == 0
    prompts = ["a red ball bouncing on a wooden floor", "a person walking through a park at dusk",
               "a smartphone rotating on a white studio surface"]
    for p in prompts:
        assert run(["shot", "add", project, "--scene", "Soak", "--prompt", p, "--duration", "1"])[0] == 0

    # edit sequence numbers acknowledged per shot: the shot's prompt must carry one at least as new
    acked = {}
    seq = 0
    deadline = time.time() + args.minutes * 60
    while time.time() < deadline:
        shots = len(info()["shots"])
        shot = rng.randint(1, shots)
        kind = rng.choice(["edit", "edit", "render", "refine", "extend", "export", "undo"])
        kill = rng.random() < args.kill_rate
        delay = rng.uniform(0.05, 2.0) if kill else None
        stdin = None
        if kind == "edit":
            lines = []
            for _ in range(rng.randint(1, 30)):
                seq += 1
                lines.append(f'shot set {shot} --prompt "{prompts[(shot - 1) % 3]} soak {seq}"')
            stdin = "\n".join(lines) + "\n"
            argv = ["batch", project]
            first = seq - len(lines) + 1
        elif kind == "render":
            argv = ["render", project, "--shot", str(shot)]
        elif kind == "refine":
            argv = ["refine", project, "--shot", str(shot), "--from", "0.5"]
        elif kind == "extend":
            argv = ["extend", project, "--shot", str(shot), "--seconds", "0.25"]
        elif kind == "export":
            argv = ["export", project, "-o", os.path.join(work, "out.mp4")]
        else:
            argv = ["undo", project]
        code, out, err, killed = run(argv, stdin=stdin, kill_after=delay)
        stats["ops"] += 1
        per_kind[kind] = per_kind.get(kind, 0) + 1
        if killed:
            stats["kills"] += 1
        elif code != 0 and len(err.strip().splitlines()) != 1:
            stats["unclear errors"] += 1
        if kind == "edit":
            oks = [int(l.split()[1]) for l in out.splitlines() if l.startswith("ok ")]
            stats["acknowledged edits"] += len(oks)
            if oks:
                acked[shot] = max(acked.get(shot, 0), first + max(oks) - 1)
        if kind == "undo" and code == 0 and not killed:
            acked.clear()      # an undo may take back the last acknowledged prompt
        check_integrity()
        state = info()        # opening settles interrupted takes
        for s, last in acked.items():
            prompt = state["shots"][s - 1]["prompt"]
            got = int(prompt.rsplit(" ", 1)[1]) if " soak " in prompt else 0
            if got < last:
                stats["lost edits"] += 1
                acked[s] = got

    # Bit-identical frames: what the cache serves equals frames made again from nothing.
    with sqlite3.connect(project) as db:
        stats["takes left rendering"] = db.execute("SELECT COUNT(*) FROM take WHERE status = 'rendering'").fetchone()[0]
        stats["interrupted takes"] = db.execute("SELECT COUNT(*) FROM take WHERE status = 'interrupted'").fetchone()[0]
    shots = len(info()["shots"])
    first_out, second_out = os.path.join(work, "a"), os.path.join(work, "b")
    for s in range(1, shots + 1):
        for d in (first_out, second_out):
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
        code, _, err, _ = run(["render", project, "--shot", str(s), "--out", first_out])
        if code != 0:
            raise SystemExit(f"render --out failed: {err.strip()}")
        shutil.rmtree(project[:-5] + ".kino-cache", ignore_errors=True)
        code, _, err, _ = run(["render", project, "--shot", str(s), "--out", second_out])
        if code != 0:
            raise SystemExit(f"render --out failed: {err.strip()}")
        for name in sorted(os.listdir(first_out)):
            stats["frames compared"] += 1
            with open(os.path.join(first_out, name), "rb") as a, open(os.path.join(second_out, name), "rb") as b:
                if a.read() != b.read():
                    stats["frame mismatches"] += 1
    for root, _, files in os.walk(work):
        stats["partial files left"] += sum(1 for f in files if ".partial-" in f or ".tmp-" in f or ".creating-" in f)

    width = max(len(k) for k in list(stats) + list(per_kind))
    print(f"soak: {args.minutes:g} min, seed {args.seed}, kill rate {args.kill_rate:g}")
    for k, v in sorted(per_kind.items()):
        print(f"  {k:<{width}}  {v}")
    for k, v in stats.items():
        print(f"  {k:<{width}}  {v}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"  kept {work}")
    bad = stats["lost edits"] + stats["integrity failures"] + stats["frame mismatches"] + stats["takes left rendering"] + stats["unclear errors"]
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
