/** What an internal task can be about for a department, and the building a place names first. */
import { buildingOfPlace, taskCategories } from '../../src/tasks/categories';
import { testPolicy } from '../support/harness';

test('a department\'s public-area and equipment categories, never a flat\'s (household, defects) nor "other"', () => {
  const policy = testPolicy();
  expect(taskCategories(policy, 'cleaning').map((c) => `${c.repairKind}/${c.category}`)).toEqual(['public/cleaning', 'public/landscape']);
  expect(taskCategories(policy, 'security').map((c) => c.category)).toEqual(['fire', 'order', 'parking']);
  // Engineering's inspection, installing... once each (public first), then the equipment.
  const engineering = taskCategories(policy, 'engineering').map((c) => `${c.repairKind}/${c.category}`);
  expect(engineering.slice(0, 3)).toEqual(['public/inspect', 'public/install', 'public/unblock']);
  expect(engineering).toContain('equipment/lift');
  expect(engineering.filter((c) => c.endsWith('/power'))).toEqual(['equipment/power']);
  expect(engineering.some((c) => c.startsWith('household/') || c.startsWith('defect/') || c.endsWith('/other'))).toBe(false);
  expect(taskCategories(policy, 'service')).toEqual([]);
});

test.each([
  ['3栋2单元楼道', { building: '3', unit: '2' }],
  ['5号楼大堂', { building: '5' }],
  ['A座电梯厅', { building: 'A' }],
  ['Bldg 3, Unit 2 stairwell', { building: '3', unit: '2' }],
  ['building 12 lobby', { building: '12' }],
  ['３栋２单元', { building: '3', unit: '2' }],
])('%p starts with a building', (text, expected) => {
  expect(buildingOfPlace(text)).toEqual(expected);
});

test.each(['地下车库B区入口', '中心花园东侧', 'car park B entrance', '32'])('%p names no building', (text) => {
  expect(buildingOfPlace(text)).toBeNull();
});
