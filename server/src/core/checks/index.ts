// The registry of check kinds the catalog may name. A new kind is one file and one line here.
import type { CheckKind } from './context';
import { ascending } from './ascending';
import { at_most } from './at_most';
import { cadence_met } from './cadence_met';
import { covers_all_parties } from './covers_all_parties';
import { each_has } from './each_has';
import { each_recorded_within } from './each_recorded_within';
import { includes } from './includes';
import { matches_last } from './matches_last';
import { member_of } from './member_of';
import { min_parties } from './min_parties';
import { non_empty } from './non_empty';
import { none_overdue } from './none_overdue';
import { not_past } from './not_past';
import { own_party } from './own_party';
import { present } from './present';
import { ref_kind } from './ref_kind';
import { score_mitigated } from './score_mitigated';
import { sums_to } from './sums_to';
import { threshold_side } from './threshold_side';
import { within_days } from './within_days';

const kinds: CheckKind[] = [
  ascending, at_most, cadence_met, covers_all_parties, each_has, each_recorded_within, includes, matches_last,
  member_of, min_parties, non_empty, none_overdue, not_past, own_party, present, ref_kind, score_mitigated, sums_to,
  threshold_side, within_days,
];

export const checks: ReadonlyMap<string, CheckKind> = new Map(kinds.map((k) => [k.name, k]));
