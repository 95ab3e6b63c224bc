import type { Migration } from '../migration';
import { migration0001 } from './0001-settings';
import { migration0002 } from './0002-security';
import { migration0003 } from './0003-rebind-journal';
import { migration0004 } from './0004-rebind-owner';
import { migration0005 } from './0005-rebind-refused-outcome';
import { migration0006 } from './0006-audit-hash-format';
import { migration0007 } from './0007-secrets-at-rest';
import { migration0008 } from './0008-operator-preferences';
import { migration0009 } from './0009-outbox';
import { migration0010 } from './0010-desk';
import { migration0011 } from './0011-rebind-case';
import { migration0012 } from './0012-case-list-indexes';
import { migration0013 } from './0013-merchant-name-grams';
import { migration0014 } from './0014-terminal-tid-unique';
import { migration0015 } from './0015-checklist';
import { migration0016 } from './0016-name-search-covering-indexes';
import { migration0017 } from './0017-service-reports';
import { migration0018 } from './0018-desk-lead';

/** Every migration, in order. Append only: a released migration never changes. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017, migration0018];

/** The schema version this build writes. */
export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
