import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/** What a counted adapter reports: each statement it runs, each transaction it opens. */
export interface DatabaseWork {
  statement(sql: string): void;
  transaction(): void;
}

// Prisma sends these itself around an interactive transaction on a PostgreSQL server (PGlite runs
// them inside its adapter): they belong to the transaction, which is counted once.
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK)\b/i;

/** `target` with its methods bound to it, and the named ones replaced. */
function overriding<T extends object>(target: T, replaced: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(replaced, property)) return replaced[property as keyof T];
      const value = Reflect.get(object, property, object) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

function countedQueries<Q extends SqlDriverAdapter | Transaction>(queryable: Q, work: DatabaseWork): Partial<Q> {
  const counted = (query: SqlQuery) => {
    if (!TRANSACTION_CONTROL.test(query.sql)) work.statement(query.sql);
  };
  return {
    queryRaw: (query: SqlQuery) => (counted(query), queryable.queryRaw(query)),
    executeRaw: (query: SqlQuery) => (counted(query), queryable.executeRaw(query)),
  } as Partial<Q>;
}

/**
 * A Prisma driver adapter that reports every SQL statement and transaction it runs (the database
 * work per farmer message in metrics and bench:load), on PGlite and on a PostgreSQL server alike.
 */
export function countedAdapter(factory: SqlDriverAdapterFactory, work: DatabaseWork): SqlDriverAdapterFactory {
  return overriding(factory, {
    async connect() {
      const adapter = await factory.connect();
      return overriding(adapter, {
        ...countedQueries(adapter, work),
        async startTransaction(isolationLevel) {
          work.transaction();
          const transaction = await adapter.startTransaction(isolationLevel);
          return overriding(transaction, countedQueries(transaction, work));
        },
      });
    },
  });
}
