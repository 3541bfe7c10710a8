import { ArgumentMetadata, Injectable, ParseUUIDPipe } from '@nestjs/common';

/**
 * A record id in a path: a UUID, answered 400 otherwise, and always in its canonical lower-case form.
 * PostgreSQL compares UUIDs regardless of case, JavaScript compares strings exactly: an id written in
 * upper case must not pass a check such as "is this the caller's own account" that the database would
 * then ignore.
 */
@Injectable()
export class ParseIdPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    const id = await super.transform(value, metadata);
    return String(id).toLowerCase();
  }
}
