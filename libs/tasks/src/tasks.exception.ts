import { registerProblemCodes } from '@ruta/core';

export enum TaskErrorCode {
  NotFound = 'task_not_found',
  AlreadyClaimed = 'task_already_claimed',
  NotClaimedByYou = 'task_not_claimed_by_you',
  Closed = 'task_closed',
  NeedsAction = 'task_completed_by_action',
}

registerProblemCodes({
  [TaskErrorCode.NotFound]: { es: 'La tarea no existe', en: 'The task does not exist' },
  [TaskErrorCode.AlreadyClaimed]: { es: 'Otra persona ya tomó esta tarea', en: 'Someone else already claimed this task' },
  [TaskErrorCode.NotClaimedByYou]: { es: 'La tarea no está asignada a usted', en: 'The task is not claimed by you' },
  [TaskErrorCode.Closed]: { es: 'La tarea ya está cerrada', en: 'The task is already closed' },
  [TaskErrorCode.NeedsAction]: {
    es: 'Esta tarea se completa al realizar la acción correspondiente',
    en: 'This task is completed by doing the underlying action',
  },
});
