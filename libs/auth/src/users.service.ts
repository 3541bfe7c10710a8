import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { Actor, decodeCursor, defined, DEFAULT_LIMIT, Page, pageOf, ProblemException, RequestMeta, Role } from '@ruta/core';
import { TasksService } from '@ruta/tasks';
import { DataSource, EntityManager } from 'typeorm';
import { AuthErrorCode } from './auth.exception';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { PasswordService } from './password.service';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository, UserView, userView } from './users.repository';

/** Admin management of users; disabling someone ends their sessions and frees their claimed tasks. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordService,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
  ) {}

  async list(limit = DEFAULT_LIMIT, cursor?: string): Promise<Page<UserView>> {
    const after = decodeCursor(cursor, 1);
    const rows = await this.users.list(this.ds.manager, after ? String(after[0]) : undefined, limit);
    const page = pageOf(rows, limit, (r) => [r.username]);
    return { items: page.items.map(userView), nextCursor: page.nextCursor };
  }

  async create(dto: CreateUserDto, actor: Actor, meta: RequestMeta): Promise<UserView> {
    checkScope(dto.roles, dto.unit ?? null, dto.shelterId ?? null);
    const passwordHash = await this.passwords.hash(dto.password);
    return this.ds.transaction(async (m) => {
      if (await this.users.findByUsername(m, dto.username)) throw ProblemException.conflict('already_exists');
      const id = await this.users.insert(m, { ...dto, passwordHash });
      await this.audit.record(m, {
        actor, meta, action: 'user.create', subjectType: 'user', subjectId: id,
        changedFields: ['username', 'displayName', 'password', 'agency', 'unit', 'shelterId', 'roles'],
      });
      return userView((await this.users.findById(m, id))!);
    });
  }

  async update(id: string, dto: UpdateUserDto, actor: Actor, meta: RequestMeta): Promise<UserView> {
    const passwordHash = dto.password ? await this.passwords.hash(dto.password) : undefined;
    return this.ds.transaction(async (m) => {
      const current = await this.users.findById(m, id);
      if (!current) throw ProblemException.notFound(AuthErrorCode.UserNotFound);
      checkScope(dto.roles ?? current.roles, dto.unit !== undefined ? dto.unit : current.unit_code,
        dto.shelterId !== undefined ? dto.shelterId : current.shelter_id);
      await this.users.update(m, id, {
        displayName: dto.displayName, passwordHash, agency: dto.agency, unit: dto.unit, shelterId: dto.shelterId,
        roles: dto.roles, disabled: dto.disabled,
      });
      const changed = Object.keys(defined(dto));
      await this.audit.record(m, { actor, meta, action: 'user.update', subjectType: 'user', subjectId: id, changedFields: changed });
      if (dto.disabled === true && !current.disabled) await this.cutOff(m, id, actor, meta);
      if (dto.password || dto.roles || dto.agency) await this.sessions.revokeAllForUser(m, id, 'logout');
      return userView((await this.users.findById(m, id))!);
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

function checkScope(roles: Role[], unit: string | null, shelterId: string | null): void {
  if ((roles.includes('immigration_officer') && !unit) || (roles.includes('shelter_staff') && !shelterId)) {
    throw ProblemException.unprocessable(AuthErrorCode.UserScopeInvalid);
  }
}
