// The registry of check kinds the catalog may name. A new kind is one file and one line here.
import type { Check } from './context';
import { ascending } from './ascending';
import { at_most } from './at_most';
import { cadence_met } from './cadence_met';
import { covers_all_parties } from './covers_all_parties';
import { each_has } from './each_has';
import { each_recorded_within } from './each_recorded_within';
import { includes } from './includes';
import { matches_last } from './matches_last';
import { member_of } from './member_of';
import { min_items } from './min_items';
import { min_parties } from './min_parties';
import { non_empty } from './non_empty';
import { none_overdue } from './none_overdue';
import { not_past } from './not_past';
import { present } from './present';
import { ref_kind } from './ref_kind';
import { score_mitigated } from './score_mitigated';
import { sums_to } from './sums_to';
import { within_days } from './within_days';

export const checks: Record<string, Check> = {
  ascending, at_most, cadence_met, covers_all_parties, each_has, each_recorded_within, includes, matches_last,
  member_of, min_items, min_parties, non_empty, none_overdue, not_past, present, ref_kind, score_mitigated, sums_to, within_days,
};
