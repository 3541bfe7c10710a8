import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { Actor, Clock, CommonErrorCode, decodeCursor, DEFAULT_LIMIT, defined, Page, pageOf, ProblemException, RequestMeta, Role } from '@ruta/core';
import { TasksService } from '@ruta/tasks';
import { DataSource, EntityManager } from 'typeorm';
import { AuthErrorCode } from './auth.exception';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { PasswordService } from './password.service';
import { SessionsRepository } from './sessions.repository';
import { UserRow, UsersRepository, UserView, userView } from './users.repository';

/** What a user may do and see: the fields whose every change is audited with before and after. */
interface Standing {
  roles: Role[];
  agency: string;
  unit: string | null;
  shelterId: string | null;
  disabled: boolean;
}

/** The fields an admin may never change on their own account (PRODUCT.md section 2, "Separation of duties"). */
const OWN_ACCOUNT_FIELDS = ['roles', 'agency', 'unit', 'shelterId', 'password', 'disabled'] as const;

/**
 * Admin management of users; disabling someone ends their sessions and frees their claimed tasks.
 * Separation of duties (PRODUCT.md section 2): admin is never combined with another role, an admin cannot
 * change their own standing or password here, and a password an admin sets is a one-time password.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordService,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(limit = DEFAULT_LIMIT, cursor?: string): Promise<Page<UserView>> {
    const after = decodeCursor(cursor, 1);
    const rows = await this.users.list(this.ds.manager, after ? String(after[0]) : undefined, limit);
    const page = pageOf(rows, limit, (r) => [r.username]);
    return { items: page.items.map(userView), nextCursor: page.nextCursor };
  }

  async create(dto: CreateUserDto, actor: Actor, meta: RequestMeta): Promise<UserView> {
    checkAdminExclusive(dto.roles);
    checkScope(dto.roles, dto.unit ?? null, dto.shelterId ?? null);
    const passwordHash = await this.passwords.hash(dto.password);
    return this.ds.transaction(async (m) => {
      if (await this.users.findByUsername(m, dto.username)) throw ProblemException.conflict(CommonErrorCode.AlreadyExists);
      const id = await this.users.insert(m, { ...dto, passwordHash, passwordResetBy: actor.id, passwordResetAt: this.clock.now() });
      const created = (await this.users.findById(m, id))!;
      await this.audit.record(m, {
        actor, meta, action: 'user.create', subjectType: 'user', subjectId: id,
        changedFields: ['username', 'displayName', 'password', 'agency', 'unit', 'shelterId', 'roles'],
        details: { after: standing(created), oneTimePassword: true },
      });
      return userView(created);
    });
  }

  async update(id: string, dto: UpdateUserDto, actor: Actor, meta: RequestMeta): Promise<UserView> {
    if (id === actor.id) checkOwnAccount(dto); // ids arrive lower-case (ParseIdPipe), as the database stores them
    if (dto.roles) checkAdminExclusive(dto.roles);
    const passwordHash = dto.password ? await this.passwords.hash(dto.password) : undefined;
    return this.ds.transaction(async (m) => {
      const current = await this.users.findById(m, id);
      if (!current) throw ProblemException.notFound(AuthErrorCode.UserNotFound);
      checkScope(dto.roles ?? current.roles, dto.unit !== undefined ? dto.unit : current.unit_code,
        dto.shelterId !== undefined ? dto.shelterId : current.shelter_id);
      await this.users.update(m, id, {
        displayName: dto.displayName, passwordHash, agency: dto.agency, unit: dto.unit, shelterId: dto.shelterId,
        roles: dto.roles, disabled: dto.disabled,
        ...(passwordHash ? { passwordResetBy: actor.id, passwordResetAt: this.clock.now() } : {}),
      });
      const updated = (await this.users.findById(m, id))!;
      const changed = Object.keys(defined(dto));
      await this.audit.record(m, {
        actor, meta, action: 'user.update', subjectType: 'user', subjectId: id, changedFields: changed,
        details: standingChange(current, updated, Boolean(passwordHash)),
      });
      if (dto.disabled === true && !current.disabled) await this.cutOff(m, id, actor, meta);
      if (passwordHash) await this.sessions.revokeAllForUser(m, id, 'password_reset');
      else if (dto.roles || dto.agency) await this.sessions.revokeAllForUser(m, id, 'account_changed');
      return userView(updated);
    });
  }

  private async cutOff(m: EntityManager, userId: string, actor: Actor, meta: RequestMeta): Promise<void> {
    const sessions = await this.sessions.revokeAllForUser(m, userId, 'user_disabled');
    const released = await this.tasks.releaseAllClaimedBy(m, userId);
    await this.audit.record(m, {
      actor, meta, action: 'user.disable', subjectType: 'user', subjectId: userId,
      details: { sessionsRevoked: sessions, tasksReleased: released.length },
    });
  }
}

function standing(row: UserRow): Standing {
  return { roles: row.roles, agency: row.agency_code, unit: row.unit_code, shelterId: row.shelter_id, disabled: row.disabled };
}

/** Before and after of every standing field that changed (codes and roles only), and the fact of a password reset, never the password. */
function standingChange(before: UserRow, after: UserRow, passwordReset: boolean): Record<string, unknown> {
  const was = standing(before);
  const is = standing(after);
  const keys = (Object.keys(is) as (keyof Standing)[]).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, was[k]])),
    after: Object.fromEntries(keys.map((k) => [k, is[k]])),
    ...(passwordReset ? { passwordReset: true, oneTimePassword: true } : {}),
  };
}

/** PRODUCT.md section 2: `admin` is never combined with any other role. */
function checkAdminExclusive(roles: Role[]): void {
  if (roles.includes('admin') && roles.length > 1) {
    throw ProblemException.unprocessable(AuthErrorCode.AdminRoleExclusive, { errors: [{ path: 'roles', message: 'admin cannot be combined with another role' }] });
  }
}

/** PRODUCT.md section 2: an admin cannot change their own roles, agency, unit, shelter or password (nor disable themselves). */
function checkOwnAccount(dto: UpdateUserDto): void {
  const touched = OWN_ACCOUNT_FIELDS.filter((field) => dto[field] !== undefined);
  if (touched.length > 0) {
    throw ProblemException.unprocessable(AuthErrorCode.OwnAccountChange, {
      errors: touched.map((path) => ({ path, message: 'cannot be changed on your own account' })),
    });
  }
}

function checkScope(roles: Role[], unit: string | null, shelterId: string | null): void {
  if ((roles.includes('immigration_officer') && !unit) || (roles.includes('shelter_staff') && !shelterId)) {
    throw ProblemException.unprocessable(AuthErrorCode.UserScopeInvalid);
  }
}
