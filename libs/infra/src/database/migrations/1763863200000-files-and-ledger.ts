import { MigrationInterface, QueryRunner } from 'typeorm';

/** Uploaded files (content-addressed) and the ledger imported from SIE 4. */
export class FilesAndLedger1763863200000 implements MigrationInterface {
  name = 'FilesAndLedger1763863200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stored_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid REFERENCES organisation(id),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size bigint NOT NULL,
        content_type text NOT NULL,
        original_name text,
        purpose text NOT NULL,
        uploaded_by uuid REFERENCES person(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX stored_file_sha ON stored_file (sha256);

      CREATE TABLE sie_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        year integer NOT NULL,
        version integer NOT NULL,
        active boolean NOT NULL DEFAULT true,
        fiscal_year_start date NOT NULL,
        fiscal_year_end date NOT NULL,
        previous_year_start date,
        previous_year_end date,
        file_id uuid REFERENCES stored_file(id),
        sha256 text NOT NULL,
        encoding text NOT NULL,
        program text,
        vouchers integer NOT NULL,
        transactions integer NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
        imported_by uuid REFERENCES person(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, year, version)
      );
      CREATE UNIQUE INDEX sie_import_one_active ON sie_import (organisation_id, year) WHERE active;

      CREATE TABLE ledger_account (
        import_id uuid NOT NULL REFERENCES sie_import(id) ON DELETE CASCADE,
        account text NOT NULL,
        name text NOT NULL,
        type text,
        PRIMARY KEY (import_id, account)
      );

      CREATE TABLE ledger_object (
        import_id uuid NOT NULL REFERENCES sie_import(id) ON DELETE CASCADE,
        dimension text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        PRIMARY KEY (import_id, dimension, code)
      );

      -- #IB/#UB/#RES/#OIB/#OUB/#PSALDO/#PBUDGET rows as the file states them.
      CREATE TABLE ledger_balance (
        import_id uuid NOT NULL REFERENCES sie_import(id) ON DELETE CASCADE,
        line integer NOT NULL,
        kind text NOT NULL,
        year_offset integer NOT NULL,
        period text,
        account text NOT NULL,
        cost_centre text,
        objects jsonb,
        amount numeric(20,2) NOT NULL,
        quantity numeric,
        PRIMARY KEY (import_id, line)
      );
      CREATE INDEX ledger_balance_lookup ON ledger_balance (import_id, kind, year_offset, account);

      CREATE TABLE ledger_transaction (
        import_id uuid NOT NULL REFERENCES sie_import(id) ON DELETE CASCADE,
        line integer NOT NULL,
        series text NOT NULL,
        number text NOT NULL,
        voucher_date date NOT NULL,
        voucher_text text,
        account text NOT NULL,
        cost_centre text,
        objects jsonb,
        amount numeric(20,2) NOT NULL,
        trans_date date,
        text text,
        PRIMARY KEY (import_id, line)
      );
      CREATE INDEX ledger_transaction_period ON ledger_transaction (import_id, voucher_date);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE IF EXISTS ledger_transaction, ledger_balance, ledger_object, ledger_account, sie_import, stored_file',
    );
  }
}
