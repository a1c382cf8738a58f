export const MAIN_HELP = `squall: Event Storming boards to event contracts

Usage:
  squall export <board> --out <dir> [options]   generate TypeScript, JSON Schema, AsyncAPI, Kafka topics, services
  squall lint <board> [options]                 check a board; exits 1 when it has errors
  squall diff <old> <new> [options]             compare two boards' contracts; exits 1 on a breaking change

<board> is a .squall.json file or a board URL on a Squall server (http://host/b/<id>, a share link's
?token=... is passed on), or <board URL>@<revision> for a revision saved on the server.

Run "squall <command> --help" for the options of a command.

Exit codes: 0 ok, 1 lint errors, export failed or breaking change, 2 bad arguments or unreadable board.
`;

export const EXPORT_HELP = `Usage: squall export <board> --out <dir> [options]

Writes the board's contracts into <dir>:
  typescript/   payload interfaces, zod validators, CloudEvents envelopes, event type constants
  jsonschema/   one JSON Schema (2020-12) per event payload
  asyncapi/     AsyncAPI 3.0.0 per bounded context, with Kafka bindings
  topics/       topics.json, topics.ts, create-topics.ts, create-topics.sh, Strimzi and Terraform
  registry/     Schema Registry subjects per topic (JSON Schema, compatibility) and register-schemas.sh
  connect/      a Kafka Connect S3 sink per bounded context that archives its event topics
  eventcatalog/ only with --only eventcatalog: an EventCatalog project (domains, services, events
                with their schemas, channels, producers and consumers), written with @eventcatalog/sdk
  services/     only with --only services: one event-sourced service per bounded context on Kafka
                (aggregates, policies, projections, tests), with typescript/ and a package.json
  README.md     which sticky became which type, topic and channel; the warnings that shaped it
  .squall-export.json
                the files this export wrote

Files the previous export into <dir> wrote (its .squall-export.json) that this one no longer
generates, such as a renamed event's schema, are deleted, and so are the folders they leave empty.
Every other file in <dir> is left alone. Keep one export (one board, one --only) per folder.
The files are written into a temporary folder beside <dir> first and then moved in: an export
that fails leaves <dir> as it was.
The services' decide, evolve, policies, projections and tests are yours once written: an export
never overwrites them and prints what the board changed in them (with the code of a new case).

Options:
  --out <dir>             output folder (required)
  --only <formats>        comma-separated: typescript,jsonschema,asyncapi,topics,registry,connect,
                          services,eventcatalog
                          (default: all but services)
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

export const DIFF_HELP = `Usage: squall diff <old> <new> [options]

Compares the event contracts of two boards (each a .squall.json file, a board URL, or
<board URL>@<revision>) as the exporter generates them: per bounded context and event, events added,
removed, renamed (an event keeps its identity through its element id) or moved to another topic;
payload fields added, removed, renamed, retyped, made required or optional; enum values; topic
changes (renamed, partitions, cleanup policy, key). Each change is judged under the mode, with the
reason in words:
  backward   consumers on the new schema can read events written with the old one (the default)
  forward    consumers still on the old schema can read events written with the new one
  full       both
The exported schemas are closed (no extra properties), so adding any field breaks forward.

Options:
  --mode <backward|forward|full>   compatibility mode (default: backward)
  --json                           print the report as JSON
  -h, --help                       show this help

Exits 0 when every change is compatible, 1 when a change breaks the mode, 2 on a usage error
(unreadable board, unknown mode).
`;
