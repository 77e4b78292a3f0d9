// Role names as exports write them → the three roles of the model. Shop platforms' exports call
// the agent seller/卖家/商家/售后/小二, the customer buyer/买家/访客; their bots (机器人, 智能客服,
// auto-reply) are `system`: a bot's words are not judged as the agent's.
import type { Role } from '../core/types.js';

const VOCABULARY: Record<Role, readonly string[]> = {
  agent: [
    'agent',
    'staff',
    'assistant',
    'service',
    'support',
    'seller',
    'merchant',
    'operator',
    'csr',
    'human',
    'kefu',
    '客服',
    '坐席',
    '客服人员',
    '客服人員',
    '人工客服',
    '人工',
    '卖家',
    '賣家',
    '商家',
    '售后',
    '售後',
    '售后客服',
    '售後客服',
    '小二',
    '店小二',
    '商家客服',
    '官方客服',
    '店铺',
    '店舖',
  ],
  customer: [
    'customer',
    'user',
    'buyer',
    'client',
    'visitor',
    'guest',
    'consumer',
    '顾客',
    '顧客',
    '客户',
    '客戶',
    '买家',
    '買家',
    '用户',
    '用戶',
    '消费者',
    '消費者',
    '访客',
    '訪客',
    '会员',
    '會員',
  ],
  system: [
    'system',
    'bot',
    'robot',
    'chatbot',
    'ai',
    'auto-reply',
    'autoreply',
    '系统',
    '系統',
    '系统消息',
    '系統消息',
    '机器人',
    '機器人',
    '智能客服',
    '机器人客服',
    '機器人客服',
    '自动回复',
    '自動回覆',
    '自動回復',
  ],
};

/** Every alias → its role. A Map: role names are looked up per message and per transcript line. */
const ALIASES = new Map<string, Role>();
for (const role of ['agent', 'customer', 'system'] as const) for (const a of VOCABULARY[role]) ALIASES.set(a, role);

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** A role map of the config (`input.roles`), keys folded as role names are. */
export type RoleMap = Readonly<Record<string, Role>>;

/** The role map of a config without one: parseRole then skips the map without folding the name. */
const NO_ROLES: RoleMap = Object.freeze({});

function fold(name: string): string {
  return name.trim().toLowerCase();
}

/** The config's role map with its keys folded, so lookups match case- and space-insensitively. */
export function foldRoleMap(map: Record<string, Role> | undefined): RoleMap {
  // Called per file (and per sniff) with no map mostly: no entries array made for nothing.
  if (!map) return NO_ROLES;
  const entries = Object.entries(map);
  if (entries.length === 0) return NO_ROLES;
  const out: Record<string, Role> = {};
  for (const [k, v] of entries) out[fold(k)] = v;
  return out;
}

/** The role a name stands for (case-insensitive, trimmed; the config's map first), or undefined when unknown. */
export function parseRole(name: string, map: RoleMap = NO_ROLES): Role | undefined {
  if (map !== NO_ROLES) {
    const key = fold(name);
    if (own(map, key)) return map[key];
  }
  // The name as written first: most are (客服, 顾客, agent); folding allocates.
  return ALIASES.get(name) ?? ALIASES.get(fold(name));
}

/** All accepted role names, longest first (for building prefix patterns). */
export function roleNames(map: RoleMap = NO_ROLES): string[] {
  return [...new Set([...ALIASES.keys(), ...Object.keys(map)])].sort((a, b) => b.length - a.length);
}

export const ROLE_HINT =
  'use agent (客服, 坐席, 卖家, 商家, 售后, seller, staff), customer (顾客, 客户, 买家, user, buyer) or system (系统, 机器人, bot), or map the name in the config: input: { roles: { 名称: agent } }';
