-- Written by `python -m rm_tui.store.fresh_schema` from the migrations; do not edit.

CREATE TABLE mentorships (
        id INTEGER PRIMARY KEY,
        leader TEXT NOT NULL,
        mentor TEXT NOT NULL,
        expertise TEXT NOT NULL DEFAULT '',
        focus TEXT NOT NULL DEFAULT '',
        manager_informed INTEGER NOT NULL DEFAULT 0 CHECK (manager_informed IN (0, 1)),
        cadence_days INTEGER NOT NULL DEFAULT 14 CHECK (cadence_days BETWEEN 1 AND 365),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'ended')),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );

CREATE TABLE learning_goals (
        id INTEGER PRIMARY KEY,
        mentorship_id INTEGER NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
        gap TEXT NOT NULL,
        question TEXT NOT NULL DEFAULT '',
        learned_on TEXT,
        position INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );

CREATE INDEX learning_goals_by_mentorship ON learning_goals(mentorship_id, position);

CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        mentorship_id INTEGER NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
        scheduled_on TEXT NOT NULL,
        minutes INTEGER NOT NULL DEFAULT 45 CHECK (minutes > 0),
        status TEXT NOT NULL DEFAULT 'planned'
            CHECK (status IN ('planned', 'live', 'held', 'cancelled')),
        started_at TEXT,
        ended_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    , rules_shown INTEGER NOT NULL DEFAULT 0, current_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL, current_since TEXT);

CREATE INDEX sessions_by_mentorship ON sessions(mentorship_id, scheduled_on);

CREATE TABLE topics (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        category TEXT NOT NULL,
        title TEXT NOT NULL,
        prompt TEXT NOT NULL,
        minutes INTEGER NOT NULL,
        why TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('builtin', 'user')),
        source_file TEXT NOT NULL,
        position INTEGER NOT NULL
    );

CREATE INDEX topics_by_category ON topics(category, position);

CREATE TABLE agenda_items (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        prompt TEXT NOT NULL DEFAULT '',
        category TEXT,
        topic_id INTEGER REFERENCES topics(id) ON DELETE SET NULL,
        minutes INTEGER NOT NULL DEFAULT 10 CHECK (minutes > 0),
        proposed_by TEXT NOT NULL CHECK (proposed_by IN ('leader', 'mentor')),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'discussed', 'dropped')),
        carried_from_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
        carry_count INTEGER NOT NULL DEFAULT 0,
        elapsed_seconds INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    , follow_up_id INTEGER REFERENCES follow_ups(id) ON DELETE SET NULL, conflict_of INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL, kept INTEGER NOT NULL DEFAULT 0 CHECK (kept IN (0, 1)), carry_over INTEGER CHECK (carry_over IN (0, 1)), standing_id INTEGER REFERENCES standing_items(id) ON DELETE SET NULL);

CREATE INDEX agenda_items_by_session ON agenda_items(session_id, position);

CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE CASCADE,
        author TEXT NOT NULL CHECK (author IN ('leader', 'mentor')),
        visibility TEXT NOT NULL DEFAULT 'shared'
            CHECK (visibility IN ('shared', 'private', 'off_record')),
        body TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    , conflict_of INTEGER REFERENCES notes(id) ON DELETE SET NULL);

CREATE INDEX notes_by_session ON notes(session_id, agenda_item_id);

CREATE TABLE follow_ups (
        id INTEGER PRIMARY KEY,
        mentorship_id INTEGER NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        owner TEXT NOT NULL CHECK (owner IN ('leader', 'mentor')),
        due_on TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
        done_on TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );

CREATE INDEX follow_ups_by_mentorship ON follow_ups(mentorship_id, status, due_on);

CREATE INDEX follow_ups_by_session ON follow_ups(session_id);

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE INDEX agenda_items_by_follow_up ON agenda_items(follow_up_id);

CREATE INDEX follow_ups_by_item ON follow_ups(agenda_item_id);

CREATE TABLE champion_entries (
        id INTEGER PRIMARY KEY,
        mentorship_id INTEGER NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK (kind IN ('credit', 'nomination', 'introduction', 'acknowledgment',
                                            'advice', 'connection', 'other')),
        note TEXT NOT NULL DEFAULT '',
        happened_on TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );

CREATE INDEX champion_by_mentorship ON champion_entries(mentorship_id, happened_on);

CREATE TABLE mentorship_setup (
        mentorship_id INTEGER PRIMARY KEY REFERENCES mentorships(id) ON DELETE CASCADE,
        impressed_by TEXT NOT NULL DEFAULT '',
        offer TEXT NOT NULL DEFAULT '',
        manager_talked_on TEXT,
        ask_text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );

CREATE VIRTUAL TABLE "notes_fts" USING FTS5 (
    "body",
    tokenize='porter',
    content="notes"
);

CREATE TRIGGER "notes_ai" AFTER INSERT ON "notes" BEGIN
  INSERT INTO "notes_fts" (rowid, "body") VALUES (new.rowid, new."body");
END;

CREATE TRIGGER "notes_ad" AFTER DELETE ON "notes" BEGIN
  INSERT INTO "notes_fts" ("notes_fts", rowid, "body") VALUES('delete', old.rowid, old."body");
END;

CREATE VIRTUAL TABLE "agenda_items_fts" USING FTS5 (
    "title", "prompt",
    tokenize='porter',
    content="agenda_items"
);

CREATE TRIGGER "agenda_items_ai" AFTER INSERT ON "agenda_items" BEGIN
  INSERT INTO "agenda_items_fts" (rowid, "title", "prompt") VALUES (new.rowid, new."title", new."prompt");
END;

CREATE TRIGGER "agenda_items_ad" AFTER DELETE ON "agenda_items" BEGIN
  INSERT INTO "agenda_items_fts" ("agenda_items_fts", rowid, "title", "prompt") VALUES('delete', old.rowid, old."title", old."prompt");
END;

CREATE VIRTUAL TABLE "follow_ups_fts" USING FTS5 (
    "title",
    tokenize='porter',
    content="follow_ups"
);

CREATE TRIGGER "follow_ups_ai" AFTER INSERT ON "follow_ups" BEGIN
  INSERT INTO "follow_ups_fts" (rowid, "title") VALUES (new.rowid, new."title");
END;

CREATE TRIGGER "follow_ups_ad" AFTER DELETE ON "follow_ups" BEGIN
  INSERT INTO "follow_ups_fts" ("follow_ups_fts", rowid, "title") VALUES('delete', old.rowid, old."title");
END;

CREATE VIRTUAL TABLE "topics_fts" USING FTS5 (
    "title", "prompt", "why",
    tokenize='porter',
    content="topics"
);

CREATE TRIGGER "topics_ai" AFTER INSERT ON "topics" BEGIN
  INSERT INTO "topics_fts" (rowid, "title", "prompt", "why") VALUES (new.rowid, new."title", new."prompt", new."why");
END;

CREATE TRIGGER "topics_ad" AFTER DELETE ON "topics" BEGIN
  INSERT INTO "topics_fts" ("topics_fts", rowid, "title", "prompt", "why") VALUES('delete', old.rowid, old."title", old."prompt", old."why");
END;

CREATE TRIGGER "notes_au" AFTER UPDATE OF "body" ON "notes" BEGIN
  INSERT INTO "notes_fts" ("notes_fts", rowid, "body") VALUES('delete', old.rowid, old."body");
  INSERT INTO "notes_fts" (rowid, "body") VALUES (new.rowid, new."body");
END;

CREATE TRIGGER "agenda_items_au" AFTER UPDATE OF "title", "prompt" ON "agenda_items" BEGIN
  INSERT INTO "agenda_items_fts" ("agenda_items_fts", rowid, "title", "prompt") VALUES('delete', old.rowid, old."title", old."prompt");
  INSERT INTO "agenda_items_fts" (rowid, "title", "prompt") VALUES (new.rowid, new."title", new."prompt");
END;

CREATE TRIGGER "follow_ups_au" AFTER UPDATE OF "title" ON "follow_ups" BEGIN
  INSERT INTO "follow_ups_fts" ("follow_ups_fts", rowid, "title") VALUES('delete', old.rowid, old."title");
  INSERT INTO "follow_ups_fts" (rowid, "title") VALUES (new.rowid, new."title");
END;

CREATE TRIGGER "topics_au" AFTER UPDATE OF "title", "prompt", "why" ON "topics" BEGIN
  INSERT INTO "topics_fts" ("topics_fts", rowid, "title", "prompt", "why") VALUES('delete', old.rowid, old."title", old."prompt", old."why");
  INSERT INTO "topics_fts" (rowid, "title", "prompt", "why") VALUES (new.rowid, new."title", new."prompt", new."why");
END;

CREATE INDEX agenda_items_by_source ON agenda_items(carried_from_id);

CREATE TABLE standing_items (
        id INTEGER PRIMARY KEY,
        mentorship_id INTEGER NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        prompt TEXT NOT NULL DEFAULT '',
        category TEXT,
        minutes INTEGER NOT NULL CHECK (minutes > 0),
        proposed_by TEXT NOT NULL CHECK (proposed_by IN ('leader', 'mentor')),
        position INTEGER NOT NULL,
        unpinned_at TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );

CREATE INDEX standing_items_by_mentorship ON standing_items(mentorship_id, position);

CREATE UNIQUE INDEX agenda_items_one_per_standing ON agenda_items(session_id, standing_id) WHERE standing_id IS NOT NULL;

