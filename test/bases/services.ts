import type { DockerfileRecipe } from './recipes.js';
import { BACKING_IMAGES } from '../../generators/services/backing-images.js';
import { tagOf } from './tags.js';

/**
 * Stand-ins for the backing services a generated compose.yaml names (postgres, redis), built from
 * Debian 13's packages and laid out as upstream's images are: the same environment variables, data
 * folder, port, user and health-check tools, so a compose file written for upstream runs unchanged.
 */

/** The tag compose.yaml names (backing-images.ts); the stand-in's check proves Debian 13 ships that major. */
export const POSTGRES_MAJOR = tagOf(BACKING_IMAGES.postgres.image);
/** Redis's minor line in Debian 13. */
export const REDIS_LINE = tagOf(BACKING_IMAGES.redis.image);

/**
 * Upstream's docker-entrypoint.sh, in what it does for a first start: initdb into PGDATA as the
 * postgres user with POSTGRES_USER and POSTGRES_PASSWORD (scram-sha-256 for every remote host),
 * then POSTGRES_DB created, then postgres in the foreground listening on every address.
 */
const POSTGRES_ENTRYPOINT = `#!/bin/sh
set -eu
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
# As upstream: --version, --help and --describe-config only print, with nothing initialized.
for arg in "$@"; do case "$arg" in -V|--version|-'?'|--help|--describe-config) exec "$@" ;; esac; done
if [ "\${1:-postgres}" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "\${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set (or POSTGRES_HOST_AUTH_METHOD=trust)}"
  user=\${POSTGRES_USER:-postgres}
  printf '%s\\n' "$POSTGRES_PASSWORD" > /tmp/pwfile
  initdb --username="$user" --pwfile=/tmp/pwfile --auth-local=trust --auth-host=scram-sha-256 -D "$PGDATA" >/dev/null
  rm -f /tmp/pwfile
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
  db=\${POSTGRES_DB:-$user}
  if [ "$db" != postgres ]; then psql -v ON_ERROR_STOP=1 --username "$user" --dbname postgres -c "CREATE DATABASE \\"$db\\"" >/dev/null; fi
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  echo "postgres stand-in: initialized $PGDATA for $user, database $db"
fi
if [ "\${1:-postgres}" = postgres ]; then shift || true; exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"; fi
exec "$@"
`;

const postgres: DockerfileRecipe = {
  kind: 'dockerfile',
  image: BACKING_IMAGES.postgres.image,
  parents: ['debian:13-slim'],
  files: { 'docker-entrypoint.sh': POSTGRES_ENTRYPOINT },
  dockerfile: `FROM debian:13-slim
RUN set -eux; \\
    groupadd --system --gid 999 postgres; \\
    useradd --system --uid 999 --gid postgres --home-dir /var/lib/postgresql --shell /bin/bash postgres; \\
    apt-get update; \\
    apt-get install -y --no-install-recommends postgresql-${POSTGRES_MAJOR} postgresql-client-${POSTGRES_MAJOR}; \\
    rm -rf /var/lib/apt/lists/* /var/lib/postgresql/${POSTGRES_MAJOR}; \\
    mkdir -p /var/lib/postgresql/data /var/run/postgresql; \\
    chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENV PATH=/usr/lib/postgresql/${POSTGRES_MAJOR}/bin:$PATH PGDATA=/var/lib/postgresql/data
VOLUME /var/lib/postgresql/data
EXPOSE 5432
STOPSIGNAL SIGINT
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
`,
  check: { command: ['postgres', '--version'], expect: `(PostgreSQL) ${POSTGRES_MAJOR}.` },
};

const redis: DockerfileRecipe = {
  kind: 'dockerfile',
  image: BACKING_IMAGES.redis.image,
  parents: ['debian:13-slim'],
  // Upstream runs redis-server with no config file, protected mode off, from /data, as user redis.
  dockerfile: `FROM debian:13-slim
RUN set -eux; \\
    groupadd --system --gid 999 redis; \\
    useradd --system --uid 999 --gid redis --home-dir /data --shell /usr/sbin/nologin redis; \\
    apt-get update; \\
    apt-get install -y --no-install-recommends redis-server redis-tools; \\
    rm -rf /var/lib/apt/lists/*; \\
    mkdir -p /data; chown redis:redis /data
WORKDIR /data
VOLUME /data
USER redis
EXPOSE 6379
CMD ["redis-server", "--protected-mode", "no"]
`,
  check: { command: ['redis-server', '--version'], expect: `v=${REDIS_LINE}.` },
};

/** MariaDB's minor line in Debian 13. */
export const MARIADB_LINE = tagOf(BACKING_IMAGES.mysql.image);

/**
 * Upstream's first start: the system tables, then MARIADB_DATABASE, MARIADB_USER with
 * MARIADB_PASSWORD from any host, a root password (given or random), then mariadbd as PID 1.
 */
const MARIADB_ENTRYPOINT = `#!/bin/sh
set -eu
if [ "$(id -u)" = 0 ]; then
  mkdir -p /var/lib/mysql /run/mysqld
  chown -R mysql:mysql /var/lib/mysql /run/mysqld
  exec setpriv --reuid=mysql --regid=mysql --init-groups "$0" "$@"
fi
for arg in "$@"; do case "$arg" in -V|--version|--help) exec "$@" ;; esac; done
if [ "\${1:-mariadbd}" = mariadbd ] && [ ! -d /var/lib/mysql/mysql ]; then
  mariadb-install-db --user=mysql --datadir=/var/lib/mysql --skip-test-db >/dev/null
  mariadbd --skip-networking --socket=/run/mysqld/init.sock &
  pid=$!
  # mariadb-install-db made 'mysql'@'localhost' (unix_socket) for the OS user it ran as: this one.
  i=0; until mariadb-admin --socket=/run/mysqld/init.sock -umysql ping >/dev/null 2>&1; do i=$((i+1)); [ $i -lt 120 ] || exit 1; sleep 0.5; done
  root=\${MARIADB_ROOT_PASSWORD:-$(head -c 18 /dev/urandom | base64)}
  {
    echo "ALTER USER 'root'@'localhost' IDENTIFIED BY '$root';"
    if [ -n "\${MARIADB_DATABASE:-}" ]; then echo "CREATE DATABASE IF NOT EXISTS \\\`$MARIADB_DATABASE\\\`;"; fi
    if [ -n "\${MARIADB_USER:-}" ]; then
      echo "CREATE USER '$MARIADB_USER'@'%' IDENTIFIED BY '\${MARIADB_PASSWORD:?MARIADB_PASSWORD must be set with MARIADB_USER}';"
      if [ -n "\${MARIADB_DATABASE:-}" ]; then echo "GRANT ALL ON \\\`$MARIADB_DATABASE\\\`.* TO '$MARIADB_USER'@'%';"; fi
    fi
  } | mariadb --socket=/run/mysqld/init.sock -umysql
  mariadb-admin --socket=/run/mysqld/init.sock -umysql shutdown
  wait "$pid" || true
  echo "mariadb stand-in: initialized /var/lib/mysql"
fi
if [ "\${1:-mariadbd}" = mariadbd ]; then shift || true; exec mariadbd --bind-address=0.0.0.0 --socket=/run/mysqld/mysqld.sock "$@"; fi
exec "$@"
`;

/** Upstream's healthcheck.sh, for what compose files ask of it: the server answers on its socket. */
const MARIADB_HEALTHCHECK = `#!/bin/sh
exec mariadb-admin --socket=/run/mysqld/mysqld.sock -umysql ping --silent
`;

const mariadb: DockerfileRecipe = {
  kind: 'dockerfile',
  image: BACKING_IMAGES.mysql.image,
  parents: ['debian:13-slim'],
  files: { 'docker-entrypoint.sh': MARIADB_ENTRYPOINT, 'healthcheck.sh': MARIADB_HEALTHCHECK },
  dockerfile: `FROM debian:13-slim
RUN set -eux; \\
    groupadd --system --gid 999 mysql; \\
    useradd --system --uid 999 --gid mysql --home-dir /var/lib/mysql --shell /usr/sbin/nologin mysql; \\
    apt-get update; \\
    apt-get install -y --no-install-recommends mariadb-server mariadb-client; \\
    rm -rf /var/lib/apt/lists/* /var/lib/mysql; \\
    mkdir -p /var/lib/mysql /run/mysqld; \\
    chown -R mysql:mysql /var/lib/mysql /run/mysqld
COPY docker-entrypoint.sh healthcheck.sh /usr/local/bin/
VOLUME /var/lib/mysql
EXPOSE 3306
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["mariadbd"]
`,
  check: { command: ['mariadbd', '--version'], expect: `-MariaDB` },
};

export const SERVICE_RECIPES: readonly DockerfileRecipe[] = [postgres, redis, mariadb];
