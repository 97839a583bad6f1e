"""Schema migrations: `migrations/NNNN_name.sql`, applied in order, each in one transaction.

The schema version lives in `PRAGMA user_version` and is set inside the migration's own
transaction, so a crash or a failing statement leaves the database exactly at the previous
version (SQLite rolls back DDL too). A database newer than the code is refused rather than
guessed at. The files ship inside the wheel as `bot/migrations` (pyproject force-include);
in a checkout they are the top-level `migrations/` folder.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import aiosqlite

from bot.errors import UserFacingError
from bot.store.connection import connect, connect_read_only

MIGRATION_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
MAX_INTEGRITY_MESSAGES = 20


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    filename: str
    sql: str


def migrations_folder() -> Traversable:
    """The installed package's `bot/migrations`, else the checkout's top-level `migrations/`."""
    packaged = resources.files("bot") / "migrations"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "migrations"


def load_migrations(folder: Traversable | None = None) -> tuple[Migration, ...]:
    """Read every migration file, checking that versions run 1, 2, … without gaps or duplicates."""
    folder = folder if folder is not None else migrations_folder()
    if not folder.is_dir():
        raise UserFacingError("The database migrations are missing from this installation of jobbot.")
    found: dict[int, Migration] = {}
    for entry in folder.iterdir():
        if not entry.name.endswith(".sql"):
            continue
        match = MIGRATION_FILE.match(entry.name)
        if match is None:
            raise UserFacingError(f"Migration file {entry.name} is not named like 0001_initial.sql.")
        version = int(match.group(1))
        if version in found:
            raise UserFacingError(f"Migrations {found[version].filename} and {entry.name} share version {version}.")
        found[version] = Migration(version, entry.name, entry.read_text(encoding="utf-8"))
    ordered = tuple(found[v] for v in sorted(found))
    for expected, migration in enumerate(ordered, 1):
        if migration.version != expected:
            raise UserFacingError(f"Migration {expected:04d} is missing before {migration.filename}.")
    if not ordered:
        raise UserFacingError("The database migrations are missing from this installation of jobbot.")
    return ordered


async def schema_version(conn: aiosqlite.Connection) -> int:
    rows = list(await conn.execute_fetchall("PRAGMA user_version"))
    return int(rows[0][0])


def _refuse_newer(version: int, latest: int) -> None:
    if version > latest:
        raise UserFacingError(
            f"This database has schema version {version}, newer than this jobbot understands ({latest}): "
            "upgrade jobbot or use another database file."
        )


async def _apply(conn: aiosqlite.Connection, migration: Migration) -> None:
    """Run one migration file and bump user_version in a single transaction, or roll it all back.

    `executescript` commits any open transaction before it starts, so the BEGIN must be
    part of the script itself; the COMMIT is issued only after the version is set and
    foreign keys are verified.
    """
    try:
        await conn.executescript(f"BEGIN IMMEDIATE;\n{migration.sql}\n;")
        if not conn.in_transaction:
            raise UserFacingError(f"Migration {migration.filename} ends its own transaction, which is not allowed.")
        await conn.execute(f"PRAGMA user_version = {migration.version:d}")
        violations = list(await conn.execute_fetchall("PRAGMA foreign_key_check"))
        if violations:
            raise UserFacingError(
                f"Migration {migration.filename} would leave {len(violations)} broken references, so it was undone."
            )
        await conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            await conn.execute("ROLLBACK")
        raise


async def apply_migrations(conn: aiosqlite.Connection, migrations: Sequence[Migration]) -> tuple[int, int]:
    """Bring an open database up to the last of `migrations`; returns (version before, version after)."""
    latest = migrations[-1].version if migrations else 0
    before = await schema_version(conn)
    _refuse_newer(before, latest)
    current = before
    for migration in migrations:
        if migration.version <= current:
            continue
        try:
            await _apply(conn, migration)
        except sqlite3.Error as exc:
            # Another process may have applied this very migration since we read the version.
            current = await schema_version(conn)
            if current >= migration.version:
                continue
            raise UserFacingError(
                f"Migration {migration.filename} failed ({exc}); the database stays at schema version {current}."
            ) from None
        current = migration.version
    return before, current


async def migrate_database(path: Path, migrations: Sequence[Migration] | None = None) -> tuple[int, int]:
    """Create or upgrade the database at `path`; a second run is a no-op. Returns (before, after) versions."""
    migrations = load_migrations() if migrations is None else migrations
    conn = await connect(path)
    try:
        return await apply_migrations(conn, migrations)
    finally:
        await conn.close()


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What `jobbot db check` found; `ok` only for a healthy database at the code's schema version."""

    path: Path
    latest: int
    exists: bool = True
    version: int | None = None
    integrity: tuple[str, ...] = ()  # ("ok",) when healthy, else SQLite's first messages
    broken_references: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return (
            self.exists
            and self.error is None
            and self.integrity == ("ok",)
            and self.broken_references == 0
            and self.version == self.latest
        )

    def summary(self) -> str:
        if not self.exists:
            return f"{self.path}: no database here; run `jobbot db migrate` to create it."
        if self.error is not None:
            return f"{self.path}: cannot be read as a SQLite database ({self.error})."
        integrity = "ok" if self.integrity == ("ok",) else "FAILED: " + "; ".join(self.integrity)
        parts = [f"{self.path}: integrity {integrity}"]
        if self.broken_references:
            parts.append(f"{self.broken_references} broken references")
        if self.version == self.latest:
            parts.append(f"schema version {self.version} (current)")
        elif self.version is not None and self.version < self.latest:
            parts.append(f"schema version {self.version}, behind this jobbot ({self.latest}): run `jobbot db migrate`")
        else:
            parts.append(f"schema version {self.version}, newer than this jobbot ({self.latest}): upgrade jobbot")
        return "; ".join(parts) + "."


async def check_database(path: Path) -> CheckResult:
    """Integrity check and schema version of an existing database, opened read-only (never created)."""
    latest = load_migrations()[-1].version
    if not path.is_file():
        return CheckResult(path, latest, exists=False)
    try:
        conn = await connect_read_only(path)
    except sqlite3.Error as exc:
        return CheckResult(path, latest, error=str(exc))
    try:
        version = await schema_version(conn)
        integrity = tuple(
            str(row[0]) for row in await conn.execute_fetchall(f"PRAGMA integrity_check({MAX_INTEGRITY_MESSAGES})")
        )
        broken = len(list(await conn.execute_fetchall("PRAGMA foreign_key_check")))
    except sqlite3.Error as exc:
        return CheckResult(path, latest, error=str(exc))
    finally:
        await conn.close()
    return CheckResult(path, latest, version=version, integrity=integrity, broken_references=broken)
