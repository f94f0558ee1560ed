// The starter profile `rac init --profile` writes: every setting a profile can make, commented out, so the file
// is valid as written (it changes nothing) and each line says what uncommenting it does.
export const PROFILE_TEMPLATE = `# Relationship as Code profile: the policy for the relationship files in this folder and below.
# rac check, rac report, rac diff, the GitHub action and the editor all apply it; it is data, never code.
# The nearest .rac.yaml walking up from a file's folder (to the git work tree's root) applies.
# rac rules FILE shows the effective rules; rac check --print-config FILE the resolved profile.

# A base profile of the organisation, kept in the repository (local paths only; a list is fine):
# extends: ./policies/base.rac.yaml

rules:
  # Levels: off | error | warning | information | hint. A rule turned off is not counted in coverage.
  # CB4: off
  # GP2: error
  # Change a rule's arguments (rac explain RK5 names them) or the stage from which it counts:
  # RK5: {args: {min_score: 9}}
  # VV4: {from_stage: value_creation}
  # Finding codes that are not rules, or a family of them ending in ".":
  # link.missing-file: information

# Rules of the organisation, in the catalog's own shape; they count in coverage like the catalog's.
# add:
#   - id: X-GP1
#     principle: governance_and_processes
#     title: a data protection officer sits on a governance body
#     path: principles.governance_and_processes.bodies[*].members
#     check: includes
#     args: {values: [p-dpo]}
#     from_stage: working_together
#     why: personal data crosses the boundary between the parties
#     hint: add the data protection officer to a governance body's members

# Settings for some files only: by path (globs relative to this file's folder) or by metadata.
# overrides:
#   - files: ["suppliers/tactical/**"]
#     rules: {TM2: off}
#   - when: {relationship_type: joint_venture}
#     rules: {GP2: error}

# A waiver may run at most this many days from its approved_on (365 at most, the built-in limit):
# waivers:
#   max_days: 180
`;
