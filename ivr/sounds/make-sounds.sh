#!/usr/bin/env bash
# Makes the IVR's sound files from the prompts' texts, for the demo: espeak-ng (Debian package espeak-ng) speaks each
# stretch of words and sox (Debian package sox) converts it to what Asterisk plays: 8 kHz, mono.
#
#   ivr/sounds/make-sounds.sh [--flows FLOWS.yaml] [--out DIR] [--format wav|sln|gsm|ulaw] [--list SOUNDS.tsv]
#
# Without --flows the demo flows are read; without --list the server jar (built if missing) lists the sounds.
# DIR (default ivr/target/sounds/en) receives one file per sound name (firstcontact/welcome.wav, ...): copy its
# firstcontact/ directory into Asterisk's sounds directory for your language (/var/lib/asterisk/sounds/en/).
# Real recordings replace them one for one: same name, same format (see the README's "Prompts and sounds").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

flows=""
out="ivr/target/sounds/en"
format="wav"
list=""
while [ $# -gt 0 ]; do
    case "$1" in
        --flows) flows="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --format) format="$2"; shift 2 ;;
        --list) list="$2"; shift 2 ;;
        *) echo "unknown argument $1 (see the comment at the top of $0)" >&2; exit 2 ;;
    esac
done
case "$format" in wav|sln|gsm|ulaw) ;; *) echo "--format is wav, sln, gsm or ulaw" >&2; exit 2 ;; esac
for tool in espeak-ng sox; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y espeak-ng sox" >&2; exit 1; }
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ -z "$list" ]; then
    source scripts/select-jdk.sh
    jar=server/target/firstcontact-server.jar
    if [ ! -f "$jar" ]; then
        ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package -pl server -am
    fi
    list="$tmp/sounds.tsv"
    "$JAVA_HOME/bin/java" -cp "$jar" io.firstcontact.ivr.flow.SoundList $flows > "$list"
fi
count=0
while IFS=$'\t' read -r sound words; do
    [ -z "$sound" ] && continue
    target="$out/$sound.$format"
    mkdir -p "$(dirname "$target")"
    espeak-ng -v en-gb -s 150 -w "$tmp/spoken.wav" "$words"
    case "$format" in
        wav) sox "$tmp/spoken.wav" -r 8000 -c 1 -b 16 -e signed-integer "$target" ;;
        sln) sox "$tmp/spoken.wav" -t raw -r 8000 -c 1 -b 16 -e signed-integer "$target" ;;
        gsm) sox "$tmp/spoken.wav" -r 8000 -c 1 "$target" ;;
        ulaw) sox "$tmp/spoken.wav" -t ul -r 8000 -c 1 "$target" ;;
    esac
    count=$((count + 1))
done < "$list"
echo "$count sound files in $out ($format, 8 kHz mono)"
