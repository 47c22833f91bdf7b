import { formatAddress, formatBuildingUnit, parseAddress } from '../../src/people/address';

describe('parseAddress', () => {
  it.each([
    '3栋2单元1201',
    '3号楼2单元1201室',
    '3幢2单元1201',
    '3 栋 2 单元 1201',
    '3#2单元1201',
    '3-2-1201',
    '３栋２单元１２０１',
    '３－２－１２０１',
    'Building 3 Unit 2 Room 1201',
    'Bldg 3, Unit 2, Rm 1201',
    'bldg 3 unit 2 #1201',
  ])('%p → building 3, unit 2, room 1201', (input) => {
    expect(parseAddress(input)).toEqual({ building: '3', unit: '2', room: '1201' });
  });

  it.each([
    ['3栋1201', { building: '3', room: '1201' }],
    ['12号楼 0502号', { building: '12', room: '0502' }],
    ['3-1201', { building: '3', room: '1201' }],
    ['A座1201', { building: 'A', room: '1201' }],
    ['a座1201', { building: 'A', room: '1201' }],
    ['Ａ座１２０１', { building: 'A', room: '1201' }],
    ['B座12楼1201', { building: 'B', room: '1201' }],
    ['5栋B单元302', { building: '5', unit: 'B', room: '302' }],
    ['3栋2单元1201A', { building: '3', unit: '2', room: '1201A' }],
    ['Block A Flat 1201', { building: 'A', room: '1201' }],
    ['Bldg 12, Rm 501a', { building: '12', room: '501A' }],
  ])('%p', (input, address) => {
    expect(parseAddress(input)).toEqual(address);
  });

  it.each([
    '',
    'hello',
    '1201',
    '3栋',
    '3栋2单元',
    '栋1201',
    '3栋2单元房',
    '3-2-1201-5',
    '3-2',
    'Building 3',
    '3栋2单元1201室302',
    '{"$gt": ""}',
    '我家厨房漏水',
  ])('rejects %p', (input) => {
    expect(parseAddress(input)).toBeNull();
  });
});

describe('formatting', () => {
  const full = { building: '3', unit: '2', room: '1201' };
  it('formats the whole address', () => {
    expect(formatAddress(full, 'zh-CN')).toBe('3栋2单元1201');
    expect(formatAddress(full, 'en')).toBe('Bldg 3, Unit 2, Room 1201');
    expect(formatAddress({ building: 'A', room: '1201' }, 'zh-CN')).toBe('A座1201');
    expect(formatAddress({ building: 'A', room: '1201' }, 'en')).toBe('Bldg A, Room 1201');
  });

  it('formats the building and unit without the room', () => {
    expect(formatBuildingUnit(full, 'zh-CN')).toBe('3栋2单元');
    expect(formatBuildingUnit(full, 'en')).toBe('Bldg 3, Unit 2');
    expect(formatBuildingUnit({ building: '7' }, 'zh-CN')).toBe('7栋');
    expect(formatBuildingUnit({ building: '7' }, 'en')).toBe('Bldg 7');
  });

  it('round-trips through parseAddress', () => {
    for (const a of [full, { building: 'A', room: '1201' }, { building: '5', unit: 'B', room: '302' }]) {
      expect(parseAddress(formatAddress(a, 'zh-CN'))).toEqual(a);
      expect(parseAddress(formatAddress(a, 'en'))).toEqual(a);
    }
  });
});
