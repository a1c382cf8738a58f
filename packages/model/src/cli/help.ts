export const MAIN_HELP = `squall: Event Storming boards to event contracts

Usage:
  squall export <board> --out <dir> [options]   generate TypeScript, JSON Schema, AsyncAPI and Kafka topics
  squall lint <board> [options]                 check a board; exits 1 when it has errors

<board> is a .squall.json file or a board URL on a Squall server (http://host/b/<id>, a share link's
?token=... is passed on).

Run "squall <command> --help" for the options of a command.

Exit codes: 0 ok, 1 lint errors or export failed, 2 bad arguments or unreadable board.
`;

export const EXPORT_HELP = `Usage: squall export <board> --out <dir> [options]

Writes the board's contracts into <dir>:
  typescript/   payload interfaces, zod validators, CloudEvents envelopes, event type constants
  jsonschema/   one JSON Schema (2020-12) per event payload
  asyncapi/     AsyncAPI 3.0.0 per bounded context, with Kafka bindings
  topics/       topics.json, topics.ts, create-topics.ts, create-topics.sh, Strimzi and Terraform
  README.md     which sticky became which type, topic and channel; the warnings that shaped it
  .squall-export.json
                the files this export wrote

Files the previous export into <dir> wrote (its .squall-export.json) that this one no longer
generates, such as a renamed event's schema, are deleted, and so are the folders they leave empty.
Every other file in <dir> is left alone. Keep one export (one board, one --only) per folder.
The files are written into a temporary folder beside <dir> first and then moved in: an export
that fails leaves <dir> as it was.

Options:
  --out <dir>             output folder (required)
  --only <formats>        comma-separated: typescript,jsonschema,asyncapi,topics (default: all)
  --org <name>            organisation, first segment of topics and CloudEvents types (default: example)
  --profile <dev|prod>    topic settings: dev = 1 replica, prod = the board's or 3 (default: prod)
  --asyncapi <context|board>
                          one AsyncAPI document per bounded context (default) or one for the board
  --kafka <host:port>     bootstrap server written into AsyncAPI and the scripts (default: localhost:9092)
  --strimzi-api <v1|v1beta2>
                          Strimzi KafkaTopic API version (default: v1)
  --strimzi-cluster <name>
                          strimzi.io/cluster label (default: my-cluster)
  --force                 write the files even when the board has lint errors
  -h, --help              show this help

Exits 1 without writing or deleting anything when the board has lint errors (unless --force).
`;

export const LINT_HELP = `Usage: squall lint <board> [options]

Prints the board's lint issues (errors, warnings, hints) and exits 1 when there is at least one error,
so a CI pipeline can stop on a board whose contracts would be wrong.

Options:
  --level <bigPicture|process|design>
                 judge the board at this workshop level (default: the board's own)
  --json         print the issues as JSON
  -h, --help     show this help
`;
