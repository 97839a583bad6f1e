-- jobbot schema, version 1.
-- Applied by bot/store/migrations.py inside one transaction together with `PRAGMA user_version = 1`;
-- a migration file never manages transactions itself.
-- Timestamps are UTC ISO-8601 text with milliseconds ("2026-01-31T12:00:00.000+00:00"), so they sort as text.
-- Discord ids (snowflakes) are INTEGERs. Every guild-owned row cascades from `guilds`, so forgetting a
-- guild forgets everything it stored.

CREATE TABLE guilds (
    guild_id          INTEGER PRIMARY KEY,
    ack_style         TEXT    NOT NULL DEFAULT 'reaction' CHECK (ack_style IN ('reaction', 'thread')),
    admin_channel_id  INTEGER,  -- where the bot tells admins about problems (e.g. a disabled subscription)
    created_at        TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
    updated_at        TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'))
);

CREATE TABLE watched_channels (
    guild_id    INTEGER NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    channel_id  INTEGER NOT NULL,
    added_by    INTEGER,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
    PRIMARY KEY (guild_id, channel_id)
) WITHOUT ROWID;

-- Company job boards, shared by every guild that follows them (one poll serves all of them).
CREATE TABLE boards (
    id                    INTEGER PRIMARY KEY,
    provider              TEXT    NOT NULL CHECK (length(provider) BETWEEN 1 AND 40),
    slug                  TEXT    NOT NULL CHECK (length(slug) BETWEEN 1 AND 200),
    url                   TEXT,
    etag                  TEXT,
    last_modified         TEXT,
    last_polled_at        TEXT,
    next_poll_at          TEXT,   -- NULL: poll as soon as possible
    consecutive_failures  INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    last_error            TEXT,
    created_at            TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
    UNIQUE (provider, slug)
);

CREATE INDEX boards_by_next_poll ON boards (next_poll_at);

CREATE TABLE followed_boards (
    guild_id    INTEGER NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    board_id    INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    channel_id  INTEGER,  -- where the follow was set up (announcements about the board go there)
    created_by  INTEGER,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
    PRIMARY KEY (guild_id, board_id)
) WITHOUT ROWID;

CREATE INDEX followed_boards_by_board ON followed_boards (board_id);

-- A posting belongs to exactly one guild: one shared in guild A is never visible in guild B.
-- A job from a followed board is stored once per following guild (source 'feed', board_id + external_id).
CREATE TABLE postings (
    id               INTEGER PRIMARY KEY,
    guild_id         INTEGER NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    source           TEXT    NOT NULL CHECK (source IN ('chat', 'feed', 'command')),
    channel_id       INTEGER,
    message_id       INTEGER,
    author_id        INTEGER,
    url              TEXT,
    board_id         INTEGER REFERENCES boards (id) ON DELETE SET NULL,
    external_id      TEXT,
    content_hash     TEXT    NOT NULL CHECK (length(content_hash) = 64),  -- sha256 of the normalised text
    title            TEXT,
    company          TEXT,
    location         TEXT,
    workplace        TEXT,
    employment_type  TEXT,
    seniority        TEXT,
    years_min        REAL,
    years_max        REAL,
    salary_min       REAL,
    salary_max       REAL,
    salary_currency  TEXT,
    salary_period    TEXT,
    education_level  TEXT,
    record           TEXT    NOT NULL CHECK (json_valid(record)),  -- Posting.to_record() without "raw"
    raw_text         TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    removed_at       TEXT
);

-- A message is one posting (an edit updates it), and one text is stored once per guild while it is live.
CREATE UNIQUE INDEX postings_by_message ON postings (guild_id, message_id) WHERE message_id IS NOT NULL;
CREATE UNIQUE INDEX postings_by_content ON postings (guild_id, content_hash) WHERE removed_at IS NULL;
CREATE UNIQUE INDEX postings_by_external ON postings (guild_id, board_id, external_id) WHERE external_id IS NOT NULL;
-- Newest live postings of a guild / of a channel (the rowid, i.e. id, is the implicit last column).
CREATE INDEX postings_live ON postings (guild_id) WHERE removed_at IS NULL;
CREATE INDEX postings_live_by_channel ON postings (guild_id, channel_id) WHERE removed_at IS NULL;
-- Per-guild counts by source and state, from the index alone.
CREATE INDEX postings_by_guild ON postings (guild_id, source, removed_at);
-- For ON DELETE SET NULL when a board goes.
CREATE INDEX postings_by_board ON postings (board_id) WHERE board_id IS NOT NULL;

CREATE TABLE posting_keywords (
    posting_id  INTEGER NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
    keyword     TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    weight      REAL    NOT NULL CHECK (weight >= 0),
    required    INTEGER CHECK (required IN (0, 1)),  -- NULL: the posting does not say
    count       INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (posting_id, keyword)
) WITHOUT ROWID;

-- Where new postings of a guild are announced: a channel, or a member by DM (exactly one of the two).
CREATE TABLE subscriptions (
    id               INTEGER PRIMARY KEY,
    guild_id         INTEGER NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    channel_id       INTEGER,
    user_id          INTEGER,
    keywords         TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(keywords) AND json_type(keywords) = 'array'),
    location         TEXT,
    remote           INTEGER CHECK (remote IN (0, 1)),  -- NULL: either
    seniority        TEXT,
    company          TEXT,
    created_by       INTEGER NOT NULL,
    created_at       TEXT    NOT NULL,
    enabled          INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    disabled_reason  TEXT,
    disabled_at      TEXT,
    admins_notified  INTEGER NOT NULL DEFAULT 0 CHECK (admins_notified IN (0, 1)),
    CHECK ((channel_id IS NULL) <> (user_id IS NULL))
);

CREATE INDEX subscriptions_by_guild ON subscriptions (guild_id, enabled);

-- One row per (subscription, posting): claiming it before sending makes delivery happen at most once,
-- also across restarts.
CREATE TABLE deliveries (
    subscription_id  INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    posting_id       INTEGER NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
    claimed_at       TEXT    NOT NULL,
    delivered_at     TEXT,     -- NULL: claimed, the send has not been confirmed
    channel_id       INTEGER,  -- where the announcement went (a DM channel for member subscriptions)
    message_id       INTEGER,
    PRIMARY KEY (subscription_id, posting_id)
) WITHOUT ROWID;

CREATE INDEX deliveries_by_posting ON deliveries (posting_id);
