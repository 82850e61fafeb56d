#!/usr/bin/env perl
# Renames the functions the WebAssembly module imports from its wasm-bindgen
# glue to short names, in both files. wasm-bindgen names each import after
# the web API it calls plus a 16-digit hash (__wbg_focus_d5e2fdbdb56416f0);
# some 180 of them, each written once in the module and once in the glue,
# and the hashes do not compress: 5.5 KB of a first visit's gzip.
# Only the import section's names change: the module's code refers to
# imports by index. The glue must name each import exactly once (the key of
# its function), else nothing is written and the build fails.
# The exports named with such a hash (the closure adapters,
# wasm_bindgen__convert__closures_____invoke__h01f505f5385da531) get short
# names too, by the same rule: the glue calls each of them once.
# Usage: scripts/short-imports.pl MODULE.wasm GLUE.js
use strict;
use warnings;

my ($wasm_path, $js_path) = @ARGV;
die "usage: $0 MODULE.wasm GLUE.js\n" unless defined $js_path;

sub slurp {
    my ($path) = @_;
    open(my $fh, '<:raw', $path) or die "$path: $!\n";
    local $/;
    my $bytes = <$fh>;
    return $bytes;
}

sub spew {
    my ($path, $bytes) = @_;
    open(my $fh, '>:raw', $path) or die "$path: $!\n";
    print $fh $bytes;
    close($fh) or die "$path: $!\n";
}

# Reads an unsigned LEB128 number at $$pos of $bytes, moving $$pos past it.
sub uleb {
    my ($bytes, $pos) = @_;
    my ($value, $shift) = (0, 0);
    while (1) {
        my $byte = ord(substr($bytes, $$pos++, 1));
        $value |= ($byte & 0x7f) << $shift;
        return $value unless $byte & 0x80;
        $shift += 7;
    }
}

sub to_uleb {
    my ($value) = @_;
    my $out = '';
    do {
        my $byte = $value & 0x7f;
        $value >>= 7;
        $out .= chr($value ? $byte | 0x80 : $byte);
    } while ($value);
    return $out;
}

sub name {
    my ($bytes, $pos) = @_;
    my $length = uleb($bytes, $pos);
    my $name = substr($bytes, $$pos, $length);
    $$pos += $length;
    return $name;
}

sub with_length { return to_uleb(length $_[0]) . $_[0] }

# Skips a table's or a memory's limits: a flag byte, the minimum, and the
# maximum if the flag's low bit says there is one.
sub skip_limits {
    my ($bytes, $pos) = @_;
    my $flags = ord(substr($bytes, $$pos++, 1));
    uleb($bytes, $pos);
    uleb($bytes, $pos) if $flags & 1;
}

# Short names in order: a..z, A..Z, then two letters, and so on.
my @letters = ('a' .. 'z', 'A' .. 'Z');
sub short_name {
    my ($n) = @_;
    my $name = '';
    do {
        $name = $letters[$n % @letters] . $name;
        $n = int($n / @letters) - 1;
    } while ($n >= 0);
    return $name;
}

my $wasm = slurp($wasm_path);
my $js = slurp($js_path);
die "$wasm_path: not a WebAssembly module\n" unless substr($wasm, 0, 4) eq "\0asm";

my $pos = 8;
my (%renamed, $out);
$out = substr($wasm, 0, 8);
while ($pos < length $wasm) {
    my $id = ord(substr($wasm, $pos++, 1));
    my $size = uleb($wasm, \$pos);
    my $section = substr($wasm, $pos, $size);
    $pos += $size;
    if ($id == 2) {
        my $at = 0;
        my $count = uleb($section, \$at);
        my $rewritten = to_uleb($count);
        for my $n (0 .. $count - 1) {
            my $module = name($section, \$at);
            my $field = name($section, \$at);
            my $start = $at;
            my $kind = ord(substr($section, $at++, 1));
            if ($kind == 0) { uleb($section, \$at) }                  # function: type index
            elsif ($kind == 1) { $at++; skip_limits($section, \$at) }  # table: type, limits
            elsif ($kind == 2) { skip_limits($section, \$at) }         # memory: limits
            elsif ($kind == 3) { $at += 2 }                            # global: type, mutability
            elsif ($kind == 4) { $at++; uleb($section, \$at) }        # tag: attribute, type index
            else { die "$wasm_path: import of unknown kind $kind\n" }
            my $short = short_name($n);
            die "$wasm_path: import $field named twice\n" if exists $renamed{$field};
            $renamed{$field} = $short;
            $rewritten .= with_length($module) . with_length($short) . substr($section, $start, $at - $start);
        }
        die "$wasm_path: import section longer than its imports\n" unless $at == length $section;
        $section = $rewritten;
    }
    elsif ($id == 7) {
        my $at = 0;
        my $count = uleb($section, \$at);
        my $rewritten = to_uleb($count);
        my $hashed = 0;
        for (1 .. $count) {
            my $field = name($section, \$at);
            my $start = $at;
            $at++;                                                     # kind
            uleb($section, \$at);                                      # index
            if ($field =~ /_h[0-9a-f]{16}(?:_\d+)?$/) {
                my $short = 'h' . short_name($hashed++);
                die "$wasm_path: export $field named twice\n" if exists $renamed{$field};
                $renamed{$field} = $short;
                $field = $short;
            }
            $rewritten .= with_length($field) . substr($section, $start, $at - $start);
        }
        die "$wasm_path: export section longer than its exports\n" unless $at == length $section;
        $section = $rewritten;
    }
    $out .= chr($id) . with_length($section);
}

for my $field (keys %renamed) {
    my $uses = () = $js =~ /(?<![\w\$])\Q$field\E(?![\w\$])/g;
    die "$js_path: names $field $uses times, not once\n" unless $uses == 1;
}
my $pattern = join '|', map { quotemeta } sort { length $b <=> length $a } keys %renamed;
$js =~ s/(?<![\w\$])($pattern)(?![\w\$])/$renamed{$1}/g;

spew($wasm_path, $out);
spew($js_path, $js);
printf "short-imports: %d imports and exports renamed\n", scalar keys %renamed;
