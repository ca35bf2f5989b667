"""A throwaway PostgreSQL server for the tests: Debian's ``postgresql`` binaries, a temporary folder.

``server = Postgres.start(folder)`` runs ``initdb`` there and a postmaster that listens on a Unix
socket in that folder only (no TCP port at all); ``server.database()`` makes a fresh database
and returns its URL; ``server.stop()`` stops it. As root (as in CI), the server runs as the
``postgres`` user that the Debian package creates, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


def binaries() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl`` (Debian: /usr/lib/postgresql/<version>/bin), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@dataclass
class Postgres:
    folder: Path
    bin: Path
    user: str | None  # run as this user (when the tests run as root)
    port: int = 5432
    counter: itertools.count = field(default_factory=itertools.count)

    @classmethod
    def start(cls, folder: Path) -> Postgres:
        bin_ = binaries()
        if bin_ is None:
            raise FileNotFoundError("no PostgreSQL binaries (Debian package 'postgresql')")
        user = "postgres" if os.geteuid() == 0 else None
        folder.mkdir(parents=True, exist_ok=True)
        if user:
            pw = pwd.getpwnam(user)
            os.chown(folder, pw.pw_uid, pw.pw_gid)
            folder.chmod(0o700)
            # the server must reach its folder through every parent
            for parent in folder.parents:
                if parent == Path("/"):
                    break
                parent.chmod(parent.stat().st_mode | 0o111)
        server = cls(folder, bin_, user)
        data = folder / "data"
        server._run(
            "initdb", "-D", str(data), "-U", "kamer", "--auth=trust", "--locale=C.UTF-8", "-E", "UTF8"
        )
        options = f"-c listen_addresses='' -k {folder} -p {server.port} -c fsync=off -c full_page_writes=off"
        server._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start")
        return server

    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bin / program), *args]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if check and done.returncode != 0:
            log = self.folder / "log"
            raise RuntimeError(
                f"{program} failed: {done.stderr or done.stdout}"
                + (log.read_text()[-2000:] if log.exists() else "")
            )
        return done

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://kamer@/{database}?host={self.folder}&port={self.port}"

    def database(self) -> str:
        """A new, empty database: its URL."""
        import psycopg

        name = f"kamer_{next(self.counter)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        """Stop the server; if pg_ctl cannot, end its postmaster (its pid is in postmaster.pid)."""
        data = self.folder / "data"
        if self._run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop", check=False).returncode == 0:
            return
        pidfile = data / "postmaster.pid"
        if pidfile.exists():
            os.kill(int(pidfile.read_text().split()[0]), signal.SIGQUIT)
