/**
 * A backup that shows how many pages it has copied. The copy goes in about a hundred steps
 * so that the line moves. A write from another connection between two steps makes SQLite
 * start the copy again, and under a steady stream of writes a copy in steps may never end;
 * so once the copy has started again, the rest goes in one step, which always ends. Without
 * a terminal to show the line on, the copy goes in one step from the start.
 */
import type { BackupProgress, CopySteps } from '../db/backup.js';
import type { Progress } from './progress.js';

const STEPS = 100;
const MIN_STEP_PAGES = 100;

export function backupSteps(line: Progress): CopySteps {
  if (!line.visible) return {};
  let remaining = Number.POSITIVE_INFINITY;
  // The copy reads pagesPerStep after each report, so a report can change the next step.
  const steps: { pagesPerStep: number | undefined; onProgress: (progress: BackupProgress) => void } = {
    pagesPerStep: MIN_STEP_PAGES,
    onProgress: ({ totalPages, remainingPages }) => {
      const restarted = remainingPages >= remaining;
      remaining = remainingPages;
      if (restarted) {
        steps.pagesPerStep = undefined;
        line.show('Có dữ liệu mới được ghi, đang sao lưu lại từ đầu');
        return;
      }
      steps.pagesPerStep = Math.max(MIN_STEP_PAGES, Math.ceil(totalPages / STEPS));
      line.show('Số trang đã sao lưu', totalPages - remainingPages, totalPages);
    },
  };
  return steps;
}
