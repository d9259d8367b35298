-- Posted entries, their lines and memos, and the record of period acts are append-only:
-- a correction is a reversing entry, never an edit.
CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'posted entries are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'posted entries are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER entry_lines_no_update BEFORE UPDATE ON entry_lines
BEGIN SELECT RAISE(ABORT, 'posted entry lines are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER entry_lines_no_delete BEFORE DELETE ON entry_lines
BEGIN SELECT RAISE(ABORT, 'posted entry lines are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER entry_memos_no_update BEFORE UPDATE ON entry_memos
BEGIN SELECT RAISE(ABORT, 'posted entry memos are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER entry_memos_no_delete BEFORE DELETE ON entry_memos
BEGIN SELECT RAISE(ABORT, 'posted entry memos are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER period_events_no_update BEFORE UPDATE ON period_events
BEGIN SELECT RAISE(ABORT, 'the record of period acts is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER period_events_no_delete BEFORE DELETE ON period_events
BEGIN SELECT RAISE(ABORT, 'the record of period acts is append-only'); END;
--> statement-breakpoint
INSERT INTO levels (code, name_vi, rank) VALUES
  ('central', 'Trung ương', 1),
  ('province', 'Tỉnh, thành phố', 2),
  ('district', 'Huyện, quận, thị xã', 3),
  ('commune', 'Xã, phường, thị trấn', 4);
