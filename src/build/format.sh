#!/bin/sh
# Formats Java sources with google-java-format 1.28.0, the layout src/build/checkstyle.xml checks
# in `mvn verify`. Run from the repository root:
#   src/build/format.sh            every tracked .java file; then empties the list of
#                                  unformatted files that checkstyle skips
#   src/build/format.sh FILE...    the given files
set -eu
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
classpath=""
for artifact in com.google.googlejavaformat:google-java-format:1.28.0 \
    com.google.guava:guava:33.7.2-jre com.google.guava:failureaccess:1.0.3; do
  group=$(echo "$artifact" | cut -d: -f1 | tr . /)
  name=$(echo "$artifact" | cut -d: -f2)
  version=$(echo "$artifact" | cut -d: -f3)
  jar="$repo/$group/$name/$version/$name-$version.jar"
  if [ ! -f "$jar" ]; then
    mvn -q dependency:get -Dtransitive=false -Dartifact="$artifact"
  fi
  classpath="$classpath${classpath:+:}$jar"
done
all=false
if [ "$#" -eq 0 ]; then
  all=true
  set -- $(git ls-files '*.java')
fi
exports=""
for p in api code file parser tree util; do
  exports="$exports --add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED"
done
# shellcheck disable=SC2086
java $exports -cp "$classpath" com.google.googlejavaformat.java.Main --replace "$@"
if $all; then
  suppressions=src/build/checkstyle-suppressions.xml
  sed -i '/<suppress checks/d' "$suppressions"
fi
