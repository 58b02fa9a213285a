#!/usr/bin/env bash
# Every text of the app that counts something (%n) has its English plural forms in
# app/gui/translations/alliance_en.ts, or the app would say "1 sessions".
# usage: plurals_test.sh PLURALS_FROM_SOURCES.ts CHECKED_IN_EN.ts
set -u
found=$1
english=$2
sources() { grep -o '<source>.*</source>' "$1" | sort -u; }
missing=$(comm -23 <(sources "$found") <(sources "$english"))
status=0
if [ -n "$missing" ]; then
    echo "no English plural forms in $english for:"
    echo "$missing"
    status=1
fi
if grep -q 'type="unfinished"' "$english"; then
    echo "$english has unfinished plural forms"
    status=1
fi
count=$(sources "$found" | wc -l)
echo "plural texts: $count in the sources; $([ $status = 0 ] && echo 'all have English forms' || echo 'some do not')"
exit $status
