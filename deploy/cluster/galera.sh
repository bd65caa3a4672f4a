# Sourced by deploy/cluster/check: start, wait for and stop the nodes of a throwaway MariaDB Galera cluster on loopback.
# Each node i (1..3) has its own data directory under $WORK/galera<i> and four ports: SQL, group communication,
# incremental state transfer (IST) and full state transfer (SST, rsync).

GALERA_PROVIDER=${GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}
# As root, the nodes run as the mysql user (Debian's mariadb-server makes it): rsync's state-transfer daemon, started
# by root, would otherwise write as nobody and be refused the joiner's files.
if [ "$(id -u)" = 0 ]; then GALERA_USER=${GALERA_USER:-mysql}; else GALERA_USER=$(id -un); fi
PORT_BASE=${WEFT_CHECK_PORT_BASE:-34300}

sql_port()  { echo $((PORT_BASE + $1)); }
gcomm_port() { echo $((PORT_BASE + 10 + $1)); }
ist_port()  { echo $((PORT_BASE + 20 + $1)); }
sst_port()  { echo $((PORT_BASE + 30 + $1)); }

galera_address() {
    echo "gcomm://127.0.0.1:$(gcomm_port 1),127.0.0.1:$(gcomm_port 2),127.0.0.1:$(gcomm_port 3)"
}

# galera_start I [--wsrep-new-cluster]: initialises the node's data directory once, then starts mariadbd in the
# background; its pid is written to $WORK/galera<I>.pid.
galera_start() {
    local i=$1 extra=${2:-}
    local dir="$WORK/galera$i"
    if [ ! -d "$dir/data/mysql" ]; then
        mkdir -p "$dir/data" "$dir/tmp"
        if [ "$(id -u)" = 0 ]; then chmod o+x "$WORK"; chown -R "$GALERA_USER" "$dir"; fi
        mariadb-install-db --no-defaults --user="$GALERA_USER" --datadir="$dir/data" --auth-root-authentication-method=normal \
            --skip-test-db > "$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; return 1; }
    fi
    # binlog_format=ROW, InnoDB and innodb_autoinc_lock_mode=2 are what Galera requires; no DDL runs while a node is
    # down, so the default total-order schema upgrades (wsrep_OSU_method=TOI) are right for Flyway's migrations.
    mariadbd --no-defaults --user="$GALERA_USER" --datadir="$dir/data" --tmpdir="$dir/tmp" \
        --socket="$dir/mariadb.sock" --pid-file="$dir/mariadb.pid" --log-error="$dir/error.log" \
        --bind-address=127.0.0.1 --port="$(sql_port "$i")" --skip-name-resolve \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --innodb-buffer-pool-size=64M --innodb-log-file-size=48M --innodb-flush-log-at-trx-commit=2 \
        --performance-schema=OFF --max-connections=200 \
        --binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 \
        --wsrep-on=ON --wsrep-provider="$GALERA_PROVIDER" --wsrep-cluster-name=weft-check \
        --wsrep-cluster-address="$(galera_address)" --wsrep-node-name="node$i" \
        --wsrep-node-address="127.0.0.1:$(gcomm_port "$i")" \
        --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$(gcomm_port "$i");ist.recv_addr=127.0.0.1:$(ist_port "$i");gcache.size=64M" \
        --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$(sst_port "$i")" \
        $extra > "$dir/stdout.log" 2>&1 &
    echo $! > "$WORK/galera$i.pid"
    disown $!  # stopped by galera_stop_all (or killed on purpose by the check): no job notice from bash
}

galera_sql() {
    local i=$1; shift
    mariadb --no-defaults -uroot -h127.0.0.1 -P"$(sql_port "$i")" -N -B "$@"
}

# galera_wait I SIZE: waits (up to 120 s) until node I is synced in a primary component of SIZE nodes.
galera_wait() {
    local i=$1 size=$2
    for _ in $(seq 1 240); do
        local state
        state=$(galera_sql "$i" -e "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN
            ('wsrep_local_state_comment','wsrep_cluster_size','wsrep_cluster_status') ORDER BY VARIABLE_NAME" 2>/dev/null \
            | tr '\n' ' ' || true)
        if [ "$state" = "$size Primary Synced " ]; then
            return 0
        fi
        sleep 0.5
    done
    echo "Galera node $i did not reach a synced primary component of $size nodes (last: $state)" >&2
    tail -20 "$WORK/galera$i/error.log" >&2
    return 1
}

galera_stop_all() {
    local i
    for i in 3 2 1; do
        [ -f "$WORK/galera$i.pid" ] && kill "$(cat "$WORK/galera$i.pid")" 2>/dev/null || true
    done
    for i in 3 2 1; do
        if [ -f "$WORK/galera$i.pid" ]; then
            local pid; pid=$(cat "$WORK/galera$i.pid")
            for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
}
