import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** Label and value pairs of one part of the case; rows without a value are left out. */
export function FieldTable({ label, rows }: { label: string; rows: [string, ReactNode][] }) {
  const shown = rows.filter(([, v]) => v !== undefined && v !== null && v !== '');
  if (shown.length === 0) return null;
  return (
    <Table variant="vertical" withTableBorder layout="fixed" aria-label={label}>
      <Table.Tbody>
        {shown.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th scope="row" w={{ base: 140, sm: 260 }}>{k}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
