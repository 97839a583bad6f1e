"""The migration runner: fresh databases, upgrades from every older version, refusals and crashes."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.errors import UserFacingError
from bot.store import check_database, migrate_database, open_store
from bot.store.connection import connect
from bot.store.migrations import apply_migrations, load_migrations, migrations_folder

MIGRATIONS = load_migrations()
LATEST = MIGRATIONS[-1].version
REPO_ROOT = Path(__file__).resolve().parents[2]


def schema_of(path: Path) -> list[tuple[str, str, str]]:
    """Every table, index and trigger definition, whitespace-normalised, for comparing schemas."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    conn.close()
    return [(kind, name, " ".join(sql.split())) for kind, name, sql in rows]


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def table_names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def test_files_are_found_in_the_checkout() -> None:
    folder = migrations_folder()
    assert Path(str(folder)) == REPO_ROOT / "migrations"
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert MIGRATIONS[0].filename == "0001_initial.sql"


async def test_empty_database_is_migrated_to_the_latest_version(db_path: Path) -> None:
    assert not db_path.parent.exists()
    assert await migrate_database(db_path) == (0, LATEST)
    assert user_version(db_path) == LATEST
    assert {"guilds", "watched_channels", "postings", "posting_keywords", "subscriptions", "deliveries"} <= table_names(
        db_path
    )
    assert {"boards", "followed_boards"} <= table_names(db_path)


async def test_second_migration_is_a_no_op(db_path: Path) -> None:
    await migrate_database(db_path)
    schema = schema_of(db_path)
    assert await migrate_database(db_path) == (LATEST, LATEST)
    assert schema_of(db_path) == schema


async def test_connection_settings(db_path: Path) -> None:
    conn = await connect(db_path)
    try:
        pragmas = {}
        for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout"):
            rows = list(await conn.execute_fetchall(f"PRAGMA {name}"))
            pragmas[name] = rows[0][0]
    finally:
        await conn.close()
    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 1, "busy_timeout": 5000}


@pytest.mark.parametrize("older", range(LATEST))
async def test_every_older_version_upgrades_to_the_newest(tmp_path: Path, older: int) -> None:
    fresh = tmp_path / "fresh.db"
    await migrate_database(fresh)

    upgraded = tmp_path / "upgraded.db"
    conn = await connect(upgraded)
    try:
        assert await apply_migrations(conn, MIGRATIONS[:older]) == (0, older)
        if older >= 1:  # data written at the older version must survive the upgrade
            await conn.execute("INSERT INTO guilds (guild_id, ack_style) VALUES (7, 'thread')")
    finally:
        await conn.close()
    assert user_version(upgraded) == older

    assert await migrate_database(upgraded) == (older, LATEST)
    assert schema_of(upgraded) == schema_of(fresh)
    result = await check_database(upgraded)
    assert result.ok, result.summary()
    if older >= 1:
        conn2 = sqlite3.connect(upgraded)
        assert conn2.execute("SELECT ack_style FROM guilds WHERE guild_id = 7").fetchone() == ("thread",)
        conn2.close()


async def test_newer_database_is_refused_in_one_sentence(db_path: Path) -> None:
    await migrate_database(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()

    with pytest.raises(UserFacingError) as refused:
        await migrate_database(db_path)
    message = str(refused.value)
    assert f"schema version {LATEST + 1}" in message and "newer" in message
    assert "\n" not in message and message.endswith(".")
    with pytest.raises(UserFacingError, match="newer"):
        await open_store(db_path)
    assert user_version(db_path) == LATEST + 1  # untouched

    result = await check_database(db_path)
    assert not result.ok
    assert "newer than this jobbot" in result.summary()


def _copy_migrations(target: Path, extra: dict[str, str]) -> Path:
    target.mkdir()
    for migration in MIGRATIONS:
        (target / migration.filename).write_text(migration.sql, encoding="utf-8")
    for name, sql in extra.items():
        (target / name).write_text(sql, encoding="utf-8")
    return target


BROKEN_STEP = """
CREATE TABLE extra (x INTEGER);
INSERT INTO guilds (guild_id) VALUES (42);
ALTER TABLE postings ADD COLUMN note TEXT;
INSERT INTO no_such_table VALUES (1);
CREATE TABLE never (y INTEGER);
"""


async def test_failing_statement_halfway_leaves_the_previous_version_and_data(tmp_path: Path) -> None:
    db = tmp_path / "jobbot.db"
    await migrate_database(db)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO guilds (guild_id) VALUES (7)")
    conn.commit()
    conn.close()
    before = schema_of(db)

    broken = _copy_migrations(tmp_path / "migrations", {f"{LATEST + 1:04d}_broken.sql": BROKEN_STEP})
    with pytest.raises(UserFacingError) as failed:
        await migrate_database(db, load_migrations(broken))
    assert f"stays at schema version {LATEST}" in str(failed.value)

    assert user_version(db) == LATEST
    assert schema_of(db) == before  # no extra table, no new column
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT guild_id FROM guilds ORDER BY guild_id").fetchall() == [(7,)]
    conn.close()
    assert (await check_database(db)).ok


async def test_hard_crash_in_the_middle_of_a_migration(tmp_path: Path) -> None:
    """The process dies (os._exit) between two statements of a migration: nothing of it survives."""
    db = tmp_path / "jobbot.db"
    await migrate_database(db)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO guilds (guild_id) VALUES (7)")
    conn.commit()
    conn.close()
    crashing = _copy_migrations(
        tmp_path / "migrations",
        {
            f"{LATEST + 1:04d}_crash.sql": "CREATE TABLE extra (x);\nINSERT INTO guilds (guild_id) VALUES (42);\n"
            "SELECT crash();\nCREATE TABLE never (y);\n"
        },
    )
    script = textwrap.dedent(
        f"""
        import asyncio, os
        from pathlib import Path
        from bot.store.connection import connect
        from bot.store.migrations import apply_migrations, load_migrations

        async def main():
            conn = await connect(Path({str(db)!r}))
            await conn.create_function("crash", 0, lambda: os._exit(9))
            await apply_migrations(conn, load_migrations(Path({str(crashing)!r})))

        asyncio.run(main())
        """
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, timeout=60)
    assert done.returncode == 9, done.stderr.decode()

    assert user_version(db) == LATEST
    assert "extra" not in table_names(db)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT guild_id FROM guilds").fetchall() == [(7,)]
    conn.close()
    assert (await check_database(db)).ok
    # The fixed migration then applies cleanly.
    shutil.rmtree(crashing)
    fixed = _copy_migrations(tmp_path / "migrations", {f"{LATEST + 1:04d}_crash.sql": "CREATE TABLE extra (x);\n"})
    assert await migrate_database(db, load_migrations(fixed)) == (LATEST, LATEST + 1)
    assert "extra" in table_names(db)


async def test_a_migration_may_not_end_its_own_transaction(tmp_path: Path) -> None:
    db = tmp_path / "jobbot.db"
    await migrate_database(db)
    folder = _copy_migrations(
        tmp_path / "migrations", {f"{LATEST + 1:04d}_commits.sql": "CREATE TABLE extra (x);\nCOMMIT;\n"}
    )
    with pytest.raises(UserFacingError, match="ends its own transaction"):
        await migrate_database(db, load_migrations(folder))
    assert user_version(db) == LATEST


@pytest.mark.parametrize(
    ("files", "complaint"),
    [
        ({"0001_initial.sql": "", "0003_late.sql": ""}, "0002 is missing"),
        ({"0001_initial.sql": "", "0001_again.sql": ""}, "share version 1"),
        ({"0001_Initial Schema.sql": ""}, "is not named like"),
        ({"README.md": "not a migration"}, "missing from this installation"),
    ],
)
def test_badly_named_or_numbered_files_are_refused(tmp_path: Path, files: dict[str, str], complaint: str) -> None:
    for name, sql in files.items():
        (tmp_path / name).write_text(sql, encoding="utf-8")
    with pytest.raises(UserFacingError, match=complaint):
        load_migrations(tmp_path)


async def test_check_reports_health_and_version(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "jobbot.db"
    result = await check_database(missing)
    assert not result.ok
    assert "no database here" in result.summary() and "jobbot db migrate" in result.summary()
    assert not missing.parent.exists()  # checking never creates anything

    db = tmp_path / "jobbot.db"
    await migrate_database(db)
    result = await check_database(db)
    assert result.ok
    assert result.summary() == f"{db}: integrity ok; schema version {LATEST} (current)."

    behind = tmp_path / "behind.db"
    conn = await connect(behind)
    await apply_migrations(conn, MIGRATIONS[: LATEST - 1])
    await conn.close()
    result = await check_database(behind)
    assert not result.ok
    assert f"schema version {LATEST - 1}, behind" in result.summary()

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all" * 200)
    result = await check_database(garbage)
    assert not result.ok
    assert "cannot be read as a SQLite database" in result.summary()


async def test_garbage_file_is_refused_by_migrate_in_one_sentence(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(UserFacingError, match="cannot be used"):
        await migrate_database(garbage)


async def test_concurrent_migrations_of_one_database_agree(tmp_path: Path) -> None:
    """`jobbot run` and `jobbot db migrate` started together on a new file: one applies each step,
    the others wait (creating the file and switching it to WAL used to fail with "locked")."""
    for round_ in range(10):
        db_path = tmp_path / f"round{round_}" / "jobbot.db"
        results = await asyncio.gather(*(migrate_database(db_path) for _ in range(4)))
        assert {after for _, after in results} == {LATEST}
        assert user_version(db_path) == LATEST
    assert (await check_database(db_path)).ok
