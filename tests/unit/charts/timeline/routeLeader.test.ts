import { describe, expect, it } from 'vitest';
import { leaderPath, routeLeader, type Point } from '../../../../src/lib/charts/timeline/routeLeader';

const frame = { axisX: 44, r: 8, labelX: 80, elbow: 58 };

describe('routeLeader', () => {
  it('routeLeader(symbol, labelY, others, frame) goes across to the bend and on to the label when nothing is in the way', () => {
    const { route, crossings } = routeLeader([44, 100], 120, [], frame);
    expect(crossings).toBe(0);
    expect(route).toEqual([[53, 100], [58, 100], [77, 120]]);
    expect(leaderPath(route)).toBe('M53,100L58,100L77,120');
  });

  it('routeLeader(symbol, labelY, others, frame) leaves a symbol beside the axis another way when a neighbour blocks the way across', () => {
    const symbol: Point = [62, 100];
    const blocker: Point = [62 + 18, 100];
    const { route, crossings } = routeLeader(symbol, 130, [blocker], { ...frame, labelX: 110, elbow: 80 });
    expect(crossings).toBe(0);
    expect(route[0]![1]).not.toBe(100);
  });

  it('routeLeader(symbol, labelY, others, frame) counts the symbols it cannot avoid', () => {
    // Neighbours packed all round the symbol leave no clear way out.
    const around: Point[] = [];
    for (let dx = -30; dx <= 60; dx += 6) for (let dy = -30; dy <= 30; dy += 6) if (dx || dy) around.push([44 + dx, 100 + dy]);
    expect(routeLeader([44, 100], 100, around, frame).crossings).toBeGreaterThan(0);
  });
});
