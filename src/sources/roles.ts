// Role names as exports write them → the three roles of the model.
import type { Role } from '../types.js';

const ALIASES: Record<string, Role> = {};
for (const a of ['agent', 'staff', 'assistant', 'service', 'support', '客服', '坐席', '客服人员', '客服人員', '人工客服'])
  ALIASES[a] = 'agent';
for (const a of ['customer', 'user', 'buyer', 'client', '顾客', '顧客', '客户', '客戶', '买家', '買家', '用户', '用戶'])
  ALIASES[a] = 'customer';
for (const a of ['system', '系统', '系統']) ALIASES[a] = 'system';

/** The role a name stands for (case-insensitive, trimmed), or undefined when unknown. */
export function parseRole(name: string): Role | undefined {
  if (Object.prototype.hasOwnProperty.call(ALIASES, name)) return ALIASES[name];
  const key = name.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(ALIASES, key) ? ALIASES[key] : undefined;
}

/** All accepted role names, longest first (for building prefix patterns). */
export function roleNames(): string[] {
  return Object.keys(ALIASES).sort((a, b) => b.length - a.length);
}

export const ROLE_HINT =
  'use agent (客服, 坐席, staff, assistant, service, support), customer (顾客, 客户, user, buyer, 买家) or system (系统)';
